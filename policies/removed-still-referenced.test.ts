import { FORMS, gate } from '../test/helpers/gate';
import { CONSUMER } from '../test/helpers/minimal-repo';
import removedStillReferenced from './removed-still-referenced';

describe('removed-still-referenced', () => {
  it('accepts removing a system together with what names it', async () => {
    expect(await gate(removedStillReferenced, {}, { [FORMS]: null, 'config/systems/consumer.yaml': null })).toEqual([]);
  });

  it('reports a removed system or contract that is still named', async () => {
    expect(await gate(removedStillReferenced, {}, { 'config/systems/consumer.yaml': null })).toEqual([
      `${FORMS}:8 system ${CONSUMER} is removed from config/systems/, but this consumer group still names it; remove its routing and authorizations first`,
    ]);
    const uninstalled = { 'environments/test/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\ninstalledContracts: [GetForm:2]\n' };
    expect(await gate(removedStillReferenced, {}, uninstalled)).toEqual([
      `${FORMS}:5 service contract GetForms:2 is no longer installed in test, but this group still uses it; remove its routing and authorizations first`,
      `${FORMS}:9 service contract GetForms:2 is no longer installed in test, but this group still uses it; remove its routing and authorizations first`,
    ]);
    const dropped = { 'config/service-domains/forms.yaml': 'domain: infrastructure:eservicesupply:forminteraction\ncontracts:\n  - { name: GetForm, major: 2 }\n' };
    expect(await gate(removedStillReferenced, {}, dropped)).toHaveLength(2);
  });
});
