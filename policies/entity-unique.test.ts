import { findingsOf, makeRepo, PRODUCER, removeRepo } from '../test/helpers/minimal-repo';
import { readWorkingTree } from '../src/pipeline';

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

describe('entity-unique across environments', () => {
  it('reports two environments that order for one platform, at the later one', async () => {
    const found = await findingsOf('entity-unique', { 'environments/test2/environment.yaml': 'name: test2\nplatform: ntjp-test\nstage: test\n' });
    expect(found).toEqual(['environments/test2/environment.yaml:2 environment test2 orders for platform ntjp-test, as environment test at environments/test/environment.yaml:1 does; give each environment its own platform']);
  });

  it('takes no hidden folder for an environment (a copy of one)', async () => {
    const copy = { 'environments/.copy/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\n', 'environments/.copy/connections/forms.yaml': 'routing: []\n' };
    expect(await findingsOf('entity-unique', copy)).toEqual([]);
    const root = makeRepo(copy);
    try {
      expect([...(await readWorkingTree(root)).environments.keys()]).toEqual(['test']);
    } finally {
      removeRepo(root);
    }
  });
});
