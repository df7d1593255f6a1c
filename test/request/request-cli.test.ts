/**
 * `tak request` on a copy of the shipped example data in a git repository of its own: the commit on
 * the new branch passes `tak validate`, the working tree is untouched, and bad input is refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { commitAll, git } from '../plan/git';
import { issue, makeCa } from '../helpers/certs';

const SHIPPED = path.resolve(__dirname, '../..');
const NOW = '2026-12-02';
const QA_FORMS = 'environments/qa/connections/forminteraction-region-exempel.yaml';
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tak-request-'));
  for (const dir of ['config', 'environments']) cpSync(path.join(SHIPPED, dir), path.join(root, dir), { recursive: true });
  // The TypeScript connection of the example imports the typed helpers from ../../../src, which
  // must lie inside the repository (a link out of it is refused); its packages come by name.
  cpSync(path.join(SHIPPED, 'src'), path.join(root, 'src'), { recursive: true });
  symlinkSync(path.join(SHIPPED, 'node_modules'), path.join(root, 'node_modules'));
  commitAll(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const request = (...args: string[]) => runCli(['request', ...args, '-C', root, '--now', NOW]);
const show = (ref: string, file: string) => execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, encoding: 'utf8' });

/** Checks the branch out in a second work tree and validates it there, as CI would. */
async function validateBranch(branch: string): Promise<{ code: number; stdout: string }> {
  const tree = path.join(root, '.tak', 'check');
  git(root, 'worktree', 'add', '-q', tree, branch);
  return runCli(['validate', '-C', tree, '--now', NOW]);
}

describe('tak request authorization', () => {
  it('adds the group to the file that routes the contract, on a new branch whose commit validates; the working tree is untouched', async () => {
    writeFileSync(path.join(root, 'notes.txt'), 'my own uncommitted work\n');
    const { code, stdout, stderr } = await request('authorization', '--env', 'qa', '--consumer', 'se5565594230-b0d', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const branch = /branch (\S+) at/.exec(stdout)![1];
    expect(git(root, 'log', '-1', '--format=%s', branch)).toBe('qa: authorize SE5565594230-B0D (Nationellt Engagemangsindex) for GetForms:2 at SE5565594230-B9P');
    const before = readFileSync(path.join(SHIPPED, QA_FORMS), 'utf8');
    expect(show(branch, QA_FORMS)).toBe(`${before}  - consumer: SE5565594230-B0D\n    contracts: [GetForms:2]\n    logicalAddresses: [SE5565594230-B9P]\n`);
    expect(git(root, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(readFileSync(path.join(root, QA_FORMS), 'utf8')).toBe(before);
    expect(git(root, 'status', '--porcelain')).toBe('?? notes.txt');
    expect((await validateBranch(branch)).code).toBe(0);
    const explained = await runCli(['explain', '-C', path.join(root, '.tak', 'check'), '--env', 'qa', '--consumer', 'SE5565594230-B0D', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P', '--at', NOW]);
    expect(explained.code).toBe(0);
  });

  it('refuses an existing branch, uncommitted changes in the file, and an unknown consumer with the nearest ones', async () => {
    const args = ['authorization', '--env', 'qa', '--consumer', 'SE5565594230-B0D', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P'];
    git(root, 'branch', 'taken');
    const taken = await request(...args, '--branch', 'taken');
    expect(taken).toMatchObject({ code: 1, stderr: 'tak: branch taken exists; name another with --branch, or delete it (git branch -D taken)\n' });
    writeFileSync(path.join(root, QA_FORMS), `${readFileSync(path.join(root, QA_FORMS), 'utf8')}# mine\n`);
    const dirty = await request(...args);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(new RegExp(`^tak: ${QA_FORMS} has uncommitted changes; commit or stash them first`));
    const unknown = await request('authorization', '--env', 'qa', '--consumer', 'SE5565594230-B0X', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tak: --consumer SE5565594230-B0X is not a system declared under config\/systems\/; did you mean SE5565594230-B0D \(Nationellt Engagemangsindex\)/);
    expect(git(root, 'branch', '--list', 'request/*')).toBe('');
  });

  it('never prompts without a terminal: a missing flag is named', async () => {
    const { code, stderr } = await request('authorization', '--env', 'qa', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P');
    expect(code).toBe(2);
    expect(stderr).toBe('tak: --consumer is missing; pass it (tak asks only when run in a terminal)\n');
  });

  it('writes nothing when the result has errors, and shows them', async () => {
    // Formulärmotorn declares neither source addresses nor a certificate in qa, so it may not be authorized as a consumer there.
    const { code, stdout } = await request('authorization', '--env', 'qa', '--consumer', 'SE5565594230-B9P', '--contract', 'IsActiveUser:1', '--logical-address', 'SE5565594230-B1C');
    expect(code).toBe(1);
    expect(stdout).toMatch(/error consumer-source-addresses /);
    expect(stdout).toMatch(/error consumer-certificate /);
    expect(stdout).toMatch(/refused: the request brings 2 errors \(above\); nothing was written/);
    expect(git(root, 'branch', '--list', 'request/*')).toBe('');
  });
});

describe('tak request --open-pr', () => {
  it('pushes the branch to origin and opens the pull request with gh, titled with the request', async () => {
    const origin = path.join(root, '.tak', 'origin.git');
    git(root, 'init', '-q', '--bare', origin);
    git(root, 'remote', 'add', 'origin', origin);
    const bin = path.join(root, '.tak', 'bin');
    mkdirSync(bin, { recursive: true });
    // A stand-in for gh that records its arguments and answers as gh pr create does.
    writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${bin}/gh-args"\necho https://example.se/pull/1\n`, { mode: 0o755 });
    const PATH = process.env.PATH;
    process.env.PATH = `${bin}:${PATH}`;
    try {
      const { code, stdout } = await request('authorization', '--env', 'qa', '--consumer', 'SE5565594230-B0D', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P', '--open-pr', '--branch', 'ask-ei');
      expect(code).toBe(0);
      expect(stdout).toContain('opened https://example.se/pull/1');
    } finally {
      process.env.PATH = PATH;
    }
    expect(git(origin, 'rev-parse', 'ask-ei')).toBe(git(root, 'rev-parse', 'ask-ei'));
    const args = readFileSync(path.join(bin, 'gh-args'), 'utf8').split('\n');
    expect(args.slice(0, 6)).toEqual(['pr', 'create', '--head', 'ask-ei', '--title', 'qa: authorize SE5565594230-B0D (Nationellt Engagemangsindex) for GetForms:2 at SE5565594230-B9P']);
  });
});

describe('tak request routing, mass', () => {
  it('routes 3,000 care units from a CSV, adds them to the catalog, and the commit validates', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `SE2321000016-${(10000 + i).toString(36).toUpperCase()},Vårdcentral ${i}, Region Exempel`);
    const csv = path.join(root, '.tak', 'units.csv');
    mkdirSync(path.dirname(csv), { recursive: true });
    writeFileSync(csv, `hsaId,description\n${rows.map((r) => r.replace(/,(Vårdcentral .*)$/, ',"$1"')).join('\n')}\n`);
    const ok = await request(
      'routing', '--env', 'qa', '--producer', 'SE2321000016-A1B2', '--contract', 'GetForms:2=https://journal.qa.region-exempel.example.se/forminteraction/GetForms/2/rivtabp21',
      '--logical-addresses-from', csv, '--consumer', 'SE5565594230-B0D', '--prestudy', 'FS-2026-0200:2026-11-01',
      '--self-declaration', 'SD-2026-0400:2026-11-20',
    );
    expect(ok.stdout).toContain('qa: route GetForms:2 at 3,000 logical addresses to SE2321000016-A1B2 (Region Exempel Journalsystem)');
    expect(ok.code).toBe(0);
    const made = /branch (\S+) at/.exec(ok.stdout)![1];
    const catalog = show(made, 'config/logical-addresses/region-exempel.yaml');
    expect(catalog.split('\n').filter((l) => l.startsWith('  - ')).length).toBe(3000);
    expect(catalog).toContain('- { hsaId: SE2321000016-7PS, description: "Vårdcentral 0, Region Exempel" }');
    const connection = show(made, 'environments/qa/connections/forminteraction-region-exempel-journalsystem.yaml');
    expect(connection).toMatch(/^description: Region Exempel Journalsystem answers GetForms\nprestudy:\n  ref: FS-2026-0200\n  approved: 2026-11-01\ntestEvidence:\n  selfDeclaration:\n    ref: SD-2026-0400\n    approved: 2026-11-20\nrouting:\n  - producer: SE2321000016-A1B2\n    profile: RIVTABP21\n/);
    expect((await validateBranch(made)).code).toBe(0);
  });

  it('names every duplicate and malformed HSA-id of the list with its line', async () => {
    const csv = path.join(root, 'bad.csv');
    writeFileSync(csv, 'SE2321000016-AAAA;Enhet A\nSE2321000016-BBBB;Enhet B\nse2321000016-aaaa;Igen\nnot an id;X\n');
    const { code, stderr } = await request('routing', '--env', 'qa', '--producer', 'SE2321000016-A1B2', '--contract', 'GetForms:2=https://journal.qa.region-exempel.example.se/x', '--logical-addresses-from', csv);
    expect(code).toBe(2);
    expect(stderr).toBe(`tak: ${csv}:3: se2321000016-aaaa is listed twice (first on line 1); ${csv}:4: "not an id" is not an HSA-id (letters, digits, - and _ only); fix the list and run again\n`);
  });
});

describe('the other order kinds', () => {
  it('change-url edits the URL in place and keeps every other line', async () => {
    const url = 'https://formular.qa.example.se/v2/GetForms/2/rivtabp21';
    const { code, stdout } = await request('change-url', '--env', 'qa', '--contract', `GetForms:2=${url}`);
    expect(code).toBe(0);
    const branch = /branch (\S+) at/.exec(stdout)![1];
    const before = readFileSync(path.join(SHIPPED, QA_FORMS), 'utf8');
    expect(show(branch, QA_FORMS)).toBe(before.replace('https://formular.qa.example.se/forminteraction/GetForms/2/rivtabp21', url));
  });

  it('remove takes one contract at an address out, splitting the group; a whole connection goes with --connection', async () => {
    const { code, stdout } = await request('remove', '--env', 'prod', '--contract', 'GetForms:2', '--logical-address', 'SE5565594230-B9P', '--consumer', 'SE2321000016-A1B2');
    expect(code).toBe(0);
    const text = show(/branch (\S+) at/.exec(stdout)![1], QA_FORMS.replace('/qa/', '/prod/'));
    expect(text).not.toMatch(/consumer: SE2321000016-A1B2\n    contracts: \[GetForms:2/);
    expect(text).toMatch(/contracts: \[GetForm:2, CreateFormRequest:2, SaveFormTemplate:2, GetFormTemplate:2, GetFormTemplates:2\]/);
    const whole = await request('remove', '--env', 'prod', '--connection', 'patientportal-region-exempel.yaml', '--branch', 'drop-portal');
    expect(whole.code).toBe(0);
    expect(git(root, 'ls-tree', '--name-only', 'drop-portal', 'environments/prod/connections/')).not.toContain('patientportal');
  });

  it('deactivate marks the system, promote copies a connection to prod with the prod endpoint and evidence', async () => {
    const off = await request('deactivate', '--system', 'SE5565594230-B1C', '--reason', 'Replaced');
    expect(off.code).toBe(0);
    const offBranch = /branch (\S+) at/.exec(off.stdout)![1];
    expect(show(offBranch, 'config/systems/patientportal.yaml')).toMatch(/\ndeactivated:\n  date: 2026-12-02\n  reason: Replaced\n$/);
    expect(show(offBranch, 'environments/qa/connections/patientportal-region-exempel.yaml')).toMatch(/    logicalAddresses: \[SE5565594230-B1C\]\n    preExisting: true\nauthorizations:\n/);
    // The engagement index is declared in TypeScript in test, which tak does not edit.
    const ts = await request('deactivate', '--system', 'SE5565594230-B0D');
    expect(ts).toMatchObject({ code: 1, stderr: 'tak: environments/test/connections/engagementindex-region-exempel.ts is TypeScript; change it by hand\n' });
    // prod's forminteraction connection is removed on a base commit, then promoted back from qa.
    git(root, 'rm', '-q', 'environments/prod/connections/forminteraction-region-exempel.yaml');
    git(root, 'commit', '-qm', 'without prod forms');
    const promoted = await request('promote', '--env', 'prod', '--connection', 'forminteraction-region-exempel.yaml', '--prestudy', 'FS-2026-0142:2026-10-25', '--end-to-end', 'E2E-2026-0077:2026-11-02');
    expect(promoted.code).toBe(0);
    const text = show(/branch (\S+) at/.exec(promoted.stdout)![1], 'environments/prod/connections/forminteraction-region-exempel.yaml');
    expect(text).toContain('GetForms:2: https://formular.example.se/forminteraction/GetForms/2/rivtabp21');
    // prod names the pre-study updated for prod, not qa's (prestudy-distinct).
    expect(text).toMatch(/^prestudy:\n  ref: FS-2026-0142\n  approved: 2026-10-25\n/m);
    expect(text).toMatch(/testEvidence:\n  selfDeclaration:\n    ref: SD-2026-0311\n    approved: 2026-10-20\n  endToEnd:\n    ref: E2E-2026-0077\n/);
  });

  it('system reads the HSA-id from the certificate serialNumber, and refuses a certificate without one', async () => {
    const ca = await makeCa('Example TEST Function CA v1');
    const withSerial = await issue(ca, { serialNumber: 'SE5565594230-N3W', commonName: 'ny.example.se' });
    const pem = path.join(root, 'ny.pem');
    writeFileSync(pem, withSerial.pem);
    const made = await request('system', '--certificate', pem, '--name', 'Ny Tjänst', '--organisation', 'Inera AB', '--environment', 'test', '--contact', 'technical:Drift:drift@example.se');
    expect(made.stdout).toContain('register the system SE5565594230-N3W (Ny Tjänst, Inera AB)');
    const without = await issue(ca, { serialNumber: null, commonName: 'utan.example.se' });
    writeFileSync(pem, without.pem);
    const refused = await request('system', '--certificate', pem, '--name', 'Utan', '--organisation', 'X', '--environment', 'test');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no serialNumber in its subject .*; a SITHS function certificate carries the system's HSA-id there/);
  });
});
