import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkingTree } from '../../src/pipeline';
import { CONSUMER, makeRepo, PRODUCER, removeRepo } from '../helpers/minimal-repo';

const FORMS = 'urn:riv:infrastructure:eservicesupply:forminteraction';

describe('resolve', () => {
  it('expands many contracts x many logical addresses x many consumers, each with the line of its address', async () => {
    const root = makeRepo({
      'config/systems/other.yaml': 'hsaId: SE2321000016-C3D4\nname: Other journal\norganisation: Region Exempel\n',
      'environments/test/connections/mass.yaml': [
        'authorizations:',
        `  - consumer: ${CONSUMER}`,
        '    contracts: [GetForms:2, GetForm:2]',
        '    logicalAddresses:',
        '      - SE2321000016-0001',
        '      - SE2321000016-0002',
        '      - SE2321000016-0003',
        '  - consumer: SE2321000016-C3D4',
        '    contracts: [GetForm:2]',
        '    logicalAddresses: [SE2321000016-0001]',
        '',
      ].join('\n'),
    });
    try {
      const state = (await readWorkingTree(root)).environments.get('test')!;
      const mass = state.authorizations.filter((a) => a.group.connection.file.endsWith('mass.yaml'));
      expect(mass).toHaveLength(7);
      const third = mass.find((a) => a.logicalAddress === 'SE2321000016-0003' && a.contract.includes('GetForm'))!;
      expect(third.location).toEqual({ file: 'environments/test/connections/mass.yaml', line: 7, col: 9 });
      expect(third.key).toBe(`${CONSUMER}|${FORMS}:GetFormsResponder:2|SE2321000016-0003`.toLowerCase());
      expect(new Set(mass.map((a) => a.key)).size).toBe(7);
    } finally {
      removeRepo(root);
    }
  });

  it('makes one authorization per consumer of a consumers list, each consumer located at its own line', async () => {
    const root = makeRepo({
      'config/systems/other.yaml': 'hsaId: SE2321000016-C3D4\nname: Other journal\norganisation: Region Exempel\n',
      'environments/test/connections/forms.yaml': [
        'authorizations:',
        '  - consumers:',
        `      - ${CONSUMER}`,
        '      - SE2321000016-C3D4',
        '    contracts: [GetForms:2, GetForm:2]',
        `    logicalAddresses: [${PRODUCER}]`,
        '',
      ].join('\n'),
    });
    try {
      const state = (await readWorkingTree(root)).environments.get('test')!;
      expect(state.authorizations.map((a) => `${a.consumer} ${a.contract.split(':').slice(-2).join(':')}`)).toEqual([
        `${CONSUMER} GetFormsResponder:2`,
        `${CONSUMER} GetFormResponder:2`,
        'SE2321000016-C3D4 GetFormsResponder:2',
        'SE2321000016-C3D4 GetFormResponder:2',
      ]);
      expect(state.authorizationGroups.map((g) => [g.decl.consumer, g.location.line])).toEqual([
        [CONSUMER, 3],
        ['SE2321000016-C3D4', 4],
      ]);
    } finally {
      removeRepo(root);
    }
  });

  it('derives namespaces from domain, name and major, and keeps a legacy namespace as given', async () => {
    const root = makeRepo({
      'config/service-domains/legacy.yaml':
        'domain: npo\ncontracts:\n  - { name: SendStatus, major: 1, minor: 3, namespace: "http://nationellpatientoversikt.se:SendStatus" }\n',
    });
    try {
      const { catalog } = await readWorkingTree(root);
      expect(catalog.contracts.map((c) => [c.namespace, c.major, c.minor])).toEqual([
        [`${FORMS}:GetFormsResponder:2`, 2, 0],
        [`${FORMS}:GetFormResponder:2`, 2, 0],
        ['http://nationellpatientoversikt.se:SendStatus', 1, 3],
      ]);
    } finally {
      removeRepo(root);
    }
  });

  it('loads TypeScript declarations made with the typed helpers, like YAML', async () => {
    const root = makeRepo({
      'environments/test/connections/forms.yaml': null,
      'environments/test/connections/generated.ts': [
        `import { defineConnection } from 'tak-gitops';`,
        `const units = Array.from({ length: 50 }, (_, i) => 'SE2321000016-' + String(i).padStart(4, '0'));`,
        `export default defineConnection({ routing: [{ producer: '${PRODUCER}', profile: 'RIVTABP21',`,
        `  contracts: { 'GetForms:2': 'https://forms.example.se/a' }, logicalAddresses: units }] });`,
      ].join('\n'),
    });
    // The package as a repository has it installed (here linked, as npm link or a workspace does).
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync(path.join(__dirname, '../..'), path.join(root, 'node_modules/tak-gitops'));
    try {
      const state = (await readWorkingTree(root)).environments.get('test')!;
      expect(state.diagnostics).toEqual([]);
      expect(state.routing).toHaveLength(50);
      expect(state.routing[49]).toMatchObject({ logicalAddress: 'SE2321000016-0049', producer: PRODUCER, profile: 'RIVTABP21' });
      expect(state.routing[0].location.file).toBe('environments/test/connections/generated.ts');
    } finally {
      removeRepo(root);
    }
  });

  it('gives every environment its own state over the shared catalog', async () => {
    const root = makeRepo({ 'environments/qa/environment.yaml': 'name: qa\nplatform: NTJP-QA\nstage: qa\npromotesFrom: test\n' });
    try {
      const repo = await readWorkingTree(root);
      expect([...repo.environments.keys()]).toEqual(['qa', 'test']);
      expect(repo.environments.get('qa')!.routing).toHaveLength(0);
      expect(repo.environments.get('qa')!.catalog).toBe(repo.environments.get('test')!.catalog);
      expect(repo.environments.get('qa')!.environment).toMatchObject({ platform: 'NTJP-QA', stage: 'qa', promotesFrom: 'test' });
    } finally {
      removeRepo(root);
    }
  });
});
