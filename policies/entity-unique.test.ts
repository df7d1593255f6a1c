import { findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

describe('entity-unique', () => {
  it('accepts entities declared once', async () => {
    expect(await findingsOf('entity-unique', {})).toEqual([]);
  });

  it('reports a system, a contract and a logical address declared twice, naming both places', async () => {
    const found = await findingsOf('entity-unique', {
      'config/systems/copy.yaml': `hsaId: ${PRODUCER.toLowerCase()}\nname: Copy\norganisation: x\n`,
      'config/service-domains/copy.yaml': 'domain: infrastructure:eservicesupply:forminteraction\ncontracts:\n  - { name: GetForm, major: 2 }\n',
      'config/logical-addresses/copy.yaml': `logicalAddresses:\n  - { hsaId: ${PRODUCER}, description: again }\n`,
    });
    expect(found).toEqual([
      `config/logical-addresses/units.yaml:2 logical address ${PRODUCER} is declared twice: here and at config/logical-addresses/copy.yaml:2`,
      'config/service-domains/forms.yaml:1 service domain infrastructure:eservicesupply:forminteraction is declared twice: here and at config/service-domains/copy.yaml:1',
      'config/service-domains/forms.yaml:4 service contract urn:riv:infrastructure:eservicesupply:forminteraction:GetFormResponder:2 is declared twice: here and at config/service-domains/copy.yaml:3',
      `config/systems/producer.yaml:1 system ${PRODUCER} is declared twice: here and at config/systems/copy.yaml:1`,
    ]);
  });
});
