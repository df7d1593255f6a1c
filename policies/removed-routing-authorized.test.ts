import { FORMS, gate } from '../test/helpers/gate';
import { baseFiles, CONSUMER, PRODUCER } from '../test/helpers/minimal-repo';
import removedRoutingAuthorized from './removed-routing-authorized';

describe('removed-routing-authorized', () => {
  it('accepts removing routing together with its authorizations', async () => {
    expect(await gate(removedRoutingAuthorized, {}, { [FORMS]: null })).toEqual([]);
  });

  it('warns when routing goes and authorizations stay, naming the consumers', async () => {
    const head = { [FORMS]: baseFiles[FORMS].replace(/^routing:[\s\S]*?authorizations:/m, 'authorizations:') };
    expect(await gate(removedRoutingAuthorized, {}, head)).toEqual([
      `${FORMS}:4 routing for urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at ${PRODUCER} is removed, but ${CONSUMER} is still authorized for it; remove the authorizations too, or keep the routing`,
    ]);
  });
});
