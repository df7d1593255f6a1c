/** `tak plan`: reports, orders in --out, exit codes and the bad input the issue lists. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateOrderSchema } from '../../src/formats/order/schema';
import { COMMENT_LIMIT } from '../../src/report/plan-markdown';
import { runCli } from '../helpers/cli';
import { baseFiles, CONSUMER, makeRepo, PRODUCER, removeRepo } from '../helpers/minimal-repo';
import { commitAll, git } from './git';

const FORMS = 'environments/test/connections/forms.yaml';
const NOW = ['--now', '2026-06-01'];

describe('tak plan', () => {
  let root: string;
  let first: string;
  beforeEach(() => {
    root = makeRepo();
    first = commitAll(root);
  });
  afterEach(() => removeRepo(root));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const plan = (...args: string[]) => runCli(['plan', '-C', root, '--base', 'main', ...NOW, ...args]);

  it('reports a URL change as one change and writes a schema-valid order with one inkludera', async () => {
    write(FORMS, baseFiles[FORMS].replace('GetForms/2', 'GetForms/2b'));
    const text = await plan();
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('test: 1 URL changed');
    const json = JSON.parse((await plan('-f', 'json')).stdout);
    expect(json.environments[0].changes.routing.changed[0].fields).toEqual(['url']);
    const out = path.join(root, 'out');
    expect((await plan('--out', out)).code).toBe(0);
    const order = JSON.parse(readFileSync(path.join(out, 'test/order.json'), 'utf8'));
    expect(validateOrderSchema(order)).toEqual([]);
    expect(order.inkludera.vagval).toEqual([expect.objectContaining({ adress: 'https://forms.example.se/GetForms/2b', tjanstekomponent: PRODUCER })]);
    expect(order.exkludera.vagval).toEqual([]);
    expect(existsSync(path.join(out, 'plan.md')) && existsSync(path.join(out, 'plan.json'))).toBe(true);
    const again = await plan('--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist; pass --force/);
    expect((await plan('--out', out, '--force')).code).toBe(0);
  });

  it('heads the changes of each system with its HSA-id and name, from the head (the base for a system that is gone)', async () => {
    write(FORMS, baseFiles[FORMS].replace('GetForms/2', 'GetForms/2b'));
    write('config/systems/producer.yaml', baseFiles['config/systems/producer.yaml'].replace('Formulärmotorn', 'Formulärmotorn 2'));
    const text = await plan();
    expect(text.stdout).toContain(`  ${PRODUCER} (Formulärmotorn 2)\n    ~1 logical address for GetForms:2`);
    expect((await plan('-f', 'markdown')).stdout).toContain(`**${PRODUCER} (Formulärmotorn 2)**`);
    const json = JSON.parse((await plan('-f', 'json')).stdout);
    expect(json.environments[0].changes.systemNames).toEqual({ [PRODUCER]: 'Formulärmotorn 2' });

    // The consumer leaves the repository: its removal is headed by the name the base gave it.
    write(FORMS, baseFiles[FORMS].split('authorizations:')[0]);
    rmSync(path.join(root, 'config/systems/consumer.yaml'));
    const removed = await plan();
    expect(removed.stdout).toContain(`  ${CONSUMER} (Journal)\n`);
    expect(removed.stdout).toMatch(/− system Journal \(Region Exempel\) no longer takes part here/);
  });

  it('sees no change when a file is moved and split, and writes no order', async () => {
    rmSync(path.join(root, FORMS));
    const [routing, authorizations] = baseFiles[FORMS].split('authorizations:');
    write('environments/test/a/routing.yaml', routing);
    write('environments/test/b/authorizations.yaml', `authorizations:${authorizations}`);
    const out = path.join(root, 'out');
    const result = await plan('--out', out);
    expect(result.stdout).toContain('test: no changes');
    expect(existsSync(path.join(out, 'test'))).toBe(false);
  });

  it('compares two revisions with --head, leaving the working tree out of it', async () => {
    write(FORMS, baseFiles[FORMS].replace('GetForms/2', 'GetForms/2b'));
    const head = commitAll(root, 'url');
    write(FORMS, 'not: [valid');
    const result = await runCli(['plan', '-C', root, '--base', first, '--head', head, ...NOW, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).environments[0].summary).toBe('1 URL changed');
  });

  it('reports an environment added or removed as a whole, with an order only for the added one', async () => {
    write('environments/qa/environment.yaml', 'name: qa\nplatform: NTJP-QA\nstage: qa\ninstalledContracts: [GetForms:2]\n');
    write('environments/qa/connections/forms.yaml', `prestudy: { ref: FS-1, approved: 2026-01-01 }\n${baseFiles[FORMS]}`);
    rmSync(path.join(root, 'environments/test'), { recursive: true });
    const out = path.join(root, 'out');
    const result = await plan('--out', out, '-f', 'json');
    const byEnv = Object.fromEntries(JSON.parse(result.stdout).environments.map((e: { env: string; summary: string }) => [e.env, e.summary]));
    expect(byEnv).toEqual({
      // What an environment trusts and enforces comes and goes with it: reported first.
      qa: '⚠ 2 governance changes, environment added, +1 routing entry, +1 authorization, 2 systems added, 1 contract installed',
      test: '⚠ 3 governance changes, environment removed, −1 routing entry, −1 authorization, 2 systems removed, 2 contracts removed',
    });
    const order = JSON.parse(readFileSync(path.join(out, 'qa/order.json'), 'utf8'));
    expect(order.plattform).toBe('NTJP-QA');
    expect(order.inkludera.tjanstekontrakt).toHaveLength(1);
    expect(existsSync(path.join(out, 'test/order.json'))).toBe(false);
  });

  it('says so when the base does not parse, and still reports the head', async () => {
    write(FORMS, 'routing: [oops');
    commitAll(root, 'broken');
    write(FORMS, baseFiles[FORMS]);
    const result = await runCli(['plan', '-C', root, '--base', 'HEAD', ...NOW]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the base HEAD does not read cleanly \(1 problems\)/);
    expect(result.stdout).toMatch(/environments\/test\/connections\/forms\.yaml:1 YAML/);
    expect(result.stdout).toContain('test: +1 routing entry, +1 authorization');
  });

  it('exits 1 when the head has errors, with the findings first', async () => {
    write(FORMS, baseFiles[FORMS].replace('GetForms:2:', 'NoSuchContract:9:'));
    const result = await plan('-f', 'markdown');
    expect(result.code).toBe(1);
    expect(result.stdout.indexOf('#### Findings')).toBeLessThan(result.stdout.indexOf('#### test'));
    expect(result.stdout).toMatch(/`reference-exists`/);
  });

  it('exits 2 with one clear line for an unknown ref, a shallow clone, an unknown environment, and no git', async () => {
    const unknown = await runCli(['plan', '-C', root, '--base', 'origin/nope']);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'tak: the base origin/nope is not a revision of this repository (git rev-parse origin/nope finds no commit); fetch it, or name a branch, tag or commit\n']);
    expect((await plan('--env', 'staging')).stderr).toBe('tak: there is no environment "staging" at the base or the head (have: test)\n');
    write('config/note.txt', 'second commit');
    commitAll(root, 'second');
    const clones = mkdtempSync(path.join(tmpdir(), 'tak-shallow-'));
    const plain = makeRepo();
    try {
      git(clones, 'clone', '-q', '--depth', '1', `file://${root}`, 'c');
      const shallow = await runCli(['plan', '-C', path.join(clones, 'c'), '--base', 'HEAD~1']);
      expect(shallow.code).toBe(2);
      expect(shallow.stderr).toMatch(/not in this shallow clone; fetch it \(git fetch --unshallow/);
      const nogit = await runCli(['plan', '-C', plain, '--base', 'main']);
      expect([nogit.code, nogit.stderr]).toEqual([2, `tak: ${plain} is not in a git repository; tak plan compares the declarations with a git revision\n`]);
    } finally {
      rmSync(clones, { recursive: true, force: true });
      removeRepo(plain);
    }
  });

  describe('the Markdown report of a mass connection', () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => `SE2321000016-${String(i).padStart(5, '0')}`);
    const mass = (list: string[]) => {
      write('config/logical-addresses/mass.yaml', `logicalAddresses:\n${list.map((u) => `  - { hsaId: ${u}, description: Enhet }`).join('\n')}\n`);
      write('environments/test/connections/mass.yaml', `routing:\n  - producer: ${PRODUCER}\n    profile: RIVTABP21\n    contracts: { GetForms:2: https://forms.example.se/GetForms/2 }\n    logicalAddresses: [${list.join(', ')}]\n` +
        `authorizations:\n  - consumer: ${CONSUMER}\n    contracts: [GetForms:2]\n    logicalAddresses: ['*']\n    wildcardApproval: { ref: WA-1, approved: 2026-01-01 }\n`);
    };

    it('reads as one line with the addresses folded, within a pull-request comment', async () => {
      mass(units(3000));
      const { stdout } = await plan('-f', 'markdown');
      expect(stdout.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(stdout).toContain(`- <details><summary>+3,000 logical addresses for GetForms:2 at ${PRODUCER} → https://forms.example.se/GetForms/2 (RIVTABP21)</summary>`);
      expect(stdout).toMatch(/^  SE2321000016-00000, .*, SE2321000016-02999$/m);
      expect(stdout).toContain('0 errors, 2 warnings'); // the consumer declares no certificate in test (consumer-certificate)
    });

    it('past the limit, shows the first addresses of the list and says where the full report is', async () => {
      mass(units(12_000));
      const out = path.join(root, 'out');
      const { stdout } = await plan('-f', 'markdown', '--out', out);
      expect(stdout.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(stdout).toContain(`- <details><summary>+12,000 logical addresses for GetForms:2 at ${PRODUCER}`);
      expect(stdout).toMatch(/^  SE2321000016-00000, .*, SE2321000016-00999, … and 11,000 more$/m);
      expect(stdout).not.toContain('SE2321000016-11999');
      expect(stdout).toContain(`the full report is in \`${path.join(out, 'plan.md')}\``);
      expect(readFileSync(path.join(out, 'plan.md'), 'utf8')).toContain('SE2321000016-11999');
    });
  });
});
