import { findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

const connection = (body: string) => ({ 'environments/test/connections/extra.yaml': body });

describe('reference-exists', () => {
  it('suggests the nearest declared names for a misspelt contract, system or logical address', async () => {
    const typo = PRODUCER.replace('B9P', 'B9Q');
    const found = await findingsOf(
      'reference-exists',
      connection(['authorizations:', `  - consumer: ${typo}`, '    contracts: [GetFrms:2]', `    logicalAddresses: [${typo}]`, ''].join('\n')),
    );
    expect(found).toEqual([
      `environments/test/connections/extra.yaml:2 consumer ${typo} is not a system declared under config/systems/; did you mean ${PRODUCER}?`,
      'environments/test/connections/extra.yaml:3 service contract GetFrms:2 is not a service contract declared under config/service-domains/; did you mean GetForms:2 or GetForm:2?',
      `environments/test/connections/extra.yaml:4 logical address ${typo} is not in the catalog (config/logical-addresses/); add it with a description; did you mean ${PRODUCER}?`,
    ]);
  });

  it('accepts a repository whose references are all declared', async () => {
    expect(await findingsOf('reference-exists', {})).toEqual([]);
  });

  it('reports an unknown producer, consumer, contract, profile and logical address where they are written', async () => {
    const found = await findingsOf(
      'reference-exists',
      connection(
        [
          'routing:',
          '  - producer: SE0000000000-GONE',
          '    profile: RIVTABP99',
          '    contracts: { "NoSuchContract:1": "https://x.example.se/a" }',
          '    logicalAddresses: [SE0000000000-UNIT]',
          'authorizations:',
          '  - consumer: SE0000000000-WHO',
          '    contracts: [GetForms:2]',
          `    logicalAddresses: [${PRODUCER}, SE0000000000-UNIT2]`,
          '',
        ].join('\n'),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'environments/test/connections/extra.yaml:2 producer SE0000000000-GONE is not a system declared under config/systems/',
        'environments/test/connections/extra.yaml:2 RIV-TA profile RIVTABP99 is not known to the platform (RIVTABP20, RIVTABP21, RIVEN13606)',
        'environments/test/connections/extra.yaml:4 service contract NoSuchContract:1 is not a service contract declared under config/service-domains/',
        'environments/test/connections/extra.yaml:5 logical address SE0000000000-UNIT is not in the catalog (config/logical-addresses/); add it with a description',
        'environments/test/connections/extra.yaml:7 consumer SE0000000000-WHO is not a system declared under config/systems/',
        'environments/test/connections/extra.yaml:9 logical address SE0000000000-UNIT2 is not in the catalog (config/logical-addresses/); add it with a description',
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('reports a short contract name that is ambiguous between two domains', async () => {
    const found = await findingsOf('reference-exists', {
      'config/service-domains/other.yaml': 'domain: clinicalprocess:other\ncontracts:\n  - { name: GetForms, major: 2 }\n',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/GetForms:2 is ambiguous .*write the full namespace/);
  });

  it('accepts the full namespace where the short name is ambiguous, in any letter case', async () => {
    const found = await findingsOf('reference-exists', {
      'config/service-domains/other.yaml': 'domain: clinicalprocess:other\ncontracts:\n  - { name: GetForms, major: 2 }\n',
      'environments/test/environment.yaml':
        'name: test\nplatform: NTJP-TEST\nstage: test\ninstalledContracts: [urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2]\n',
      'environments/test/connections/forms.yaml': [
        'authorizations:',
        '  - consumer: se2321000016-a1b2',
        '    contracts: [URN:RIV:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2]',
        `    logicalAddresses: [${PRODUCER.toLowerCase()}]`,
        '',
      ].join('\n'),
    });
    expect(found).toEqual([]);
  });

  it('reports an unknown HSA parent and an unknown promotion source', async () => {
    const found = await findingsOf('reference-exists', {
      'config/logical-addresses/units.yaml': `logicalAddresses:\n  - { hsaId: ${PRODUCER}, description: F, parent: SE2321000016-ROOT }\n`,
      'environments/test/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\npromotesFrom: dev\ninstalledContracts: [GetForms:2]\n',
    });
    expect(found).toEqual([
      `config/logical-addresses/units.yaml:2 logical address ${PRODUCER} names parent SE2321000016-ROOT, which is not in the catalog`,
      'environments/test/environment.yaml:1 environment test promotes from dev, which does not exist',
    ]);
  });
});
