import { CONSUMER, PRODUCER, UNIT, connectionYaml, findingsOf } from '../test/helpers/repo';

const GET_FORMS = 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2';
const inTest = (o: Parameters<typeof connectionYaml>[1]) => ({ 'environments/test/connections/forms.yaml': connectionYaml('test', o) });

describe('authorization-reachable', () => {
  it('follows the lookup order: exact address, HSA parent, SE, *, and units below', async () => {
    // UNIT's parent is PRODUCER in the catalog: routing on the parent serves the unit.
    expect(await findingsOf('authorization-reachable', inTest({ authorizationAddresses: [PRODUCER, UNIT] }))).toEqual([]);
    expect(await findingsOf('authorization-reachable', inTest({ routingAddresses: ['*'], authorizationAddresses: [UNIT] }))).toEqual([]);
    expect(await findingsOf('authorization-reachable', inTest({ routingAddresses: ['SE'], authorizationAddresses: [UNIT] }))).toEqual([]);
    // An authorization on the parent covers calls to the unit, which has its own routing.
    expect(await findingsOf('authorization-reachable', inTest({ routingAddresses: [UNIT], authorizationAddresses: [PRODUCER] }))).toEqual([]);
  });

  it('warns about an authorization that no routing can serve', async () => {
    const found = await findingsOf('authorization-reachable', inTest({ routingAddresses: [UNIT], authorizationAddresses: [UNIT, 'SE2321000016-0001'] }));
    expect(found).toEqual([
      `test environments/test/connections/forms.yaml:11 warning authorization of ${CONSUMER} for ${GET_FORMS} at SE2321000016-0001 reaches no routing in test (not on the address, its HSA parents, SE or *); add the routing or remove the authorization`,
    ]);
  });
});
