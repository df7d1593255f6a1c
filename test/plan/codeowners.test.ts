import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CODEOWNERS_FILE, generatedLines, ownership, unowned } from '../../src/codeowners/codeowners';
import { parseFile, renderFile } from '../../src/codeowners/file';
import { WorkingTreeReader } from '../../src/load/reader';
import { readState } from '../../src/pipeline';
import { runCli } from '../helpers/cli';
import { baseFiles, CONSUMER, makeRepo, PRODUCER, removeRepo, validateRepo } from '../helpers/minimal-repo';
import { REPO_ROOT } from './support';

const PLATFORM = 'config/platform.yaml';
const platformYaml = 'owners: ["@inera/tak-platform"]\n';

async function owners(root: string) {
  const reader = new WorkingTreeReader(root);
  const state = await readState(reader);
  const files = await reader.listRepository();
  const o = ownership(state, files);
  return { lines: generatedLines(o), unowned: unowned(o, files), refused: o.refused };
}

const withOwners = (file: string, owner: string) => file.replace('organisation:', `owners: ["${owner}"]\norganisation:`);

describe('tak codeowners', () => {
  it('the checked-in .github/CODEOWNERS is what tak codeowners generates (run it and commit when this fails)', async () => {
    const result = await runCli(['codeowners', '-C', REPO_ROOT, '--check']);
    expect(result).toMatchObject({ code: 0, stdout: `${CODEOWNERS_FILE} is current and every file has an owner\n` });
  });

  it("asks a system's owners to review its files, its certificates and every connection that routes to it, authorizes it, or authorizes calls to it", async () => {
    const root = makeRepo({
      [PLATFORM]: platformYaml,
      'config/systems/producer.yaml': 'hsaId: SE5565594230-B9P\nname: Formulärmotorn\norganisation: Inera AB\nowners: ["@inera/formular"]\nenvironments: { test: { certificates: [certs/p test.pem] } }\n',
      'config/systems/consumer.yaml': 'hsaId: SE2321000016-A1B2\nname: Journal\norganisation: Region Exempel\nowners: ["@region/integration", "@region/ehalsa"]\n',
      // Only an authorization: the producer's owners review it all the same (it lets someone call them).
      'environments/test/connections/access.yaml': `authorizations:\n  - consumer: ${CONSUMER}\n    contracts: [GetForms:2]\n    logicalAddresses: [${PRODUCER}]\n`,
    });
    try {
      const { lines } = await owners(root);
      expect(lines).toEqual(
        expect.arrayContaining([
          '/config/systems/certs/p\\ test.pem @inera/formular',
          '/config/systems/consumer.yaml @region/ehalsa @region/integration',
          '/config/systems/producer.yaml @inera/formular',
          '/environments/test/connections/access.yaml @inera/formular @region/ehalsa @region/integration',
          '/environments/test/connections/forms.yaml @inera/formular @region/ehalsa @region/integration',
        ]),
      );
    } finally {
      removeRepo(root);
    }
  });

  it('gives every platform-level file to the platform owners of config/platform.yaml', async () => {
    const root = makeRepo({ [PLATFORM]: platformYaml, 'config/trusted-cas.yaml': 'cas: []\n', 'policies/pack.ts': '', '.github/workflows/pr.yml': '', 'scripts/x.sh': '' });
    try {
      const { lines } = await owners(root);
      for (const p of ['/config/trusted-cas.yaml', '/config/platform.yaml', '/config/logical-addresses/', '/config/service-domains/', '/environments/test/environment.yaml', '/policies/', '/.github/', '/scripts/']) {
        expect(lines).toContain(`${p} @inera/tak-platform`);
      }
      expect(lines).toContain('/config/service-domains/forms.yaml @inera/tak-platform');
    } finally {
      removeRepo(root);
    }
  });

  it('--check fails on a file no rule assigns, and on a missing platform owner', async () => {
    const root = makeRepo({ 'config/systems/certs/stray.pem': 'x', 'config/systems/producer.yaml': withOwners(readBase('producer'), '@inera/formular') });
    try {
      const result = await runCli(['codeowners', '-C', root, '--check']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('config/systems/certs/stray.pem: no owner');
      expect(result.stdout).toContain('config/systems/consumer.yaml: no owner');
      expect(result.stdout).toContain('environments/test/environment.yaml: no owner');
      expect(result.stdout).toContain('config/platform.yaml: missing');
    } finally {
      removeRepo(root);
    }
  });

  it('refuses owners that are not one @user, @org/team or e-mail token, so no line can be injected', async () => {
    const root = makeRepo({ 'config/systems/producer.yaml': withOwners(readBase('producer'), '@vendor/team\\n/policies/ @vendor/attacker') });
    try {
      const result = await validateRepo(root);
      expect(result.findings.filter((f) => f.rule === 'schema').map((f) => f.message).join('\n')).toMatch(/one @user, @org\/team or e-mail address/);
      const text = renderFile([], (await owners(root)).lines);
      expect(text).not.toContain('attacker');
    } finally {
      removeRepo(root);
    }
  });

  it('refuses a file name CODEOWNERS cannot express (a line break), with a finding, and writes one line per entry', async () => {
    const root = makeRepo({ [PLATFORM]: platformYaml, 'environments/test/connections/x\n/policies/ @evil.yaml': readBase('connection') });
    try {
      const { lines, refused } = await owners(root);
      expect(refused).toEqual(['environments/test/connections/x\n/policies/ @evil.yaml']);
      expect(lines.every((l) => !l.includes('\n') && !l.includes('@evil'))).toBe(true);
      const result = await runCli(['codeowners', '-C', root]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('"environments/test/connections/x\\n/policies/ @evil.yaml": its name has a control character or line break');
      expect(readFileSync(path.join(root, CODEOWNERS_FILE), 'utf8')).not.toContain('@evil');
    } finally {
      removeRepo(root);
    }
  });

  it('gives one line, not a stack trace, when .github/CODEOWNERS is a folder', async () => {
    const root = makeRepo({ [PLATFORM]: platformYaml });
    try {
      mkdirSync(path.join(root, CODEOWNERS_FILE), { recursive: true });
      for (const args of [[], ['--check']]) {
        expect(await runCli(['codeowners', '-C', root, ...args])).toMatchObject({ code: 2, stderr: 'tak: .github/CODEOWNERS is a folder; remove it (tak codeowners writes it as a file)\n' });
      }
    } finally {
      removeRepo(root);
    }
  });

  it('keeps the hand-written section, and refuses (unless --force) when lines were added elsewhere', async () => {
    const root = makeRepo({
      [PLATFORM]: platformYaml,
      'config/systems/consumer.yaml': withOwners(readBase('consumer'), '@region/integration'),
      'config/systems/producer.yaml': withOwners(readBase('producer'), '@inera/formular'),
    });
    const target = path.join(root, CODEOWNERS_FILE);
    try {
      expect((await runCli(['codeowners', '-C', root, '--check'])).code).toBe(1);
      expect((await runCli(['codeowners', '-C', root])).stdout).toBe('.github/CODEOWNERS written\n');
      expect((await runCli(['codeowners', '-C', root, '--check'])).code).toBe(0);
      writeFileSync(target, readFileSync(target, 'utf8').replace('# hand-written: end', '/docs/ @inera/writers\n# hand-written: end'));
      writeFileSync(path.join(root, 'config/systems/consumer.yaml'), withOwners(readBase('consumer'), '@region/new-team'));
      expect(await runCli(['codeowners', '-C', root, '--check'])).toMatchObject({ code: 1, stdout: '.github/CODEOWNERS is stale; run tak codeowners and commit it\n' });
      expect((await runCli(['codeowners', '-C', root])).code).toBe(0);
      const written = readFileSync(target, 'utf8');
      expect(written).toContain('/docs/ @inera/writers');
      expect(written).toContain('@region/new-team');
      writeFileSync(target, `${written}/policies/ @someone\n`);
      expect(parseFile(readFileSync(target, 'utf8')).kind).toBe('edited');
      expect(await runCli(['codeowners', '-C', root, '--check'])).toMatchObject({ code: 1, stdout: '.github/CODEOWNERS is edited outside its hand-written section; run tak codeowners and commit it\n' });
      expect((await runCli(['codeowners', '-C', root])).stderr).toMatch(/^tak: .github\/CODEOWNERS was edited outside its hand-written section; move those lines/);
      expect(readFileSync(target, 'utf8')).toContain('/policies/ @someone');
      writeFileSync(target, '* @someone\n');
      expect(await runCli(['codeowners', '-C', root])).toMatchObject({ code: 2, stderr: 'tak: .github/CODEOWNERS exists and was not generated by tak codeowners; pass --force to replace it\n' });
      expect((await runCli(['codeowners', '-C', root, '--force'])).code).toBe(0);
      expect(readFileSync(target, 'utf8')).not.toContain('* @someone');
    } finally {
      removeRepo(root);
    }
  });
});

function readBase(which: 'producer' | 'consumer' | 'connection'): string {
  return which === 'connection' ? baseFiles['environments/test/connections/forms.yaml'] : baseFiles[`config/systems/${which}.yaml`];
}
