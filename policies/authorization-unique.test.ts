import { CONSUMER, findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

describe('authorization-unique', () => {
  it('accepts distinct authorizations', async () => {
    expect(await findingsOf('authorization-unique', {})).toEqual([]);
  });

  it('reports the same consumer, contract and logical address declared twice', async () => {
    const found = await findingsOf('authorization-unique', {
      'environments/test/connections/again.yaml': `authorizations:\n  - consumer: ${CONSUMER}\n    contracts: [GetForms:2, GetForm:2]\n    logicalAddresses: [${PRODUCER}]\n`,
    });
    expect(found).toEqual([
      `environments/test/connections/forms.yaml:10 authorization of ${CONSUMER} for urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at ${PRODUCER} is declared twice with overlapping validity (also at environments/test/connections/again.yaml:4)`,
    ]);
  });
});
