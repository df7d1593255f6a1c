/**
 * Outputs replace only what tak wrote: a FIFO or a device is never replaced by a file, a folder
 * of the user's is refused even with --force, and files the user put into an output folder
 * (notes, terraform's state and plugins) survive the next synth. Leftovers of killed runs are swept.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';

let root: string;
let out: string;
beforeAll(() => {
  root = makeRepo();
});
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), 'tak-out-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));
afterAll(() => removeRepo(root));

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('tak export', () => {
  it('never replaces a FIFO or a device with a file, even with --force', async () => {
    const fifo = path.join(out, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const target of [fifo, '/dev/null']) {
      const r = await runCli(['export', 'order', '-C', root, '-e', 'test', '-o', target, '--force']);
      expect([r.code, r.stderr]).toEqual([2, `tak: ${target} is a ${target === fifo ? 'FIFO' : 'device'}; tak replaces only regular files: name a file\n`]);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.startsWith('.null'))).toEqual([]);
  });

  it('refuses to replace a folder of the user\'s with takapi responses, even one of only *.json', async () => {
    const vscode = path.join(out, '.vscode');
    mkdirSync(vscode);
    writeFileSync(path.join(vscode, 'settings.json'), '{ "editor.tabSize": 2 }\n');
    const r = await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', vscode, '--force']);
    expect([r.code, r.stderr]).toEqual([2, `tak: ${vscode} is a folder that tak did not write (it has no .tak-outputs); name a new folder, or move it away\n`]);
    expect(readdirSync(vscode)).toEqual(['settings.json']);
  });

  it('replaces its own takapi folder with --force, keeping a file the user added, and says so', async () => {
    const api = path.join(out, 'api');
    expect((await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', api])).code).toBe(0);
    const ours = readdirSync(api).sort();
    writeFileSync(path.join(api, 'fetched-at.txt'), 'Tuesday\n');
    const r = await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', api, '--force']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringContaining(`note: kept 1 files in ${api} that tak did not write: fetched-at.txt\n`)]);
    expect(readdirSync(api).sort()).toEqual([...ours, 'fetched-at.txt'].sort());
  });
});

describe('two writers of one output', () => {
  it('the second refuses with one line naming the first, and writes nothing', async () => {
    const since = '2026-12-02T07:00:00.000Z';
    const holder = (what: string) => JSON.stringify({ pid: process.ppid, host: hostname(), since, what });
    const order = path.join(out, 'order.json');
    writeFileSync(path.join(out, '.order.json.lock'), holder('tak writing order.json'));
    const r = await runCli(['export', 'order', '-C', root, '-e', 'test', '-o', order]);
    expect([r.code, r.stderr]).toEqual([2, `tak: locked by pid ${process.ppid} on ${hostname()} since ${since} (tak writing order.json): ${out}/.order.json.lock; wait for it to finish, or stop it\n`]);
    expect(readdirSync(out)).toEqual(['.order.json.lock']);
    mkdirSync(path.join(root, '.github'), { recursive: true });
    writeFileSync(path.join(root, '.github', '.CODEOWNERS.lock'), holder('tak writing CODEOWNERS'));
    try {
      const c = await runCli(['codeowners', '-C', root]);
      // The repository declares no platform owners: said first, and beside the point here.
      expect([c.code, c.stderr.replace(/^tak: config\/platform\.yaml: missing;.*\n/, '')]).toEqual([2, expect.stringMatching(/^tak: locked by pid \d+ .* \(tak writing CODEOWNERS\): .*\.CODEOWNERS\.lock; wait for it to finish, or stop it\n$/)]);
      expect(readdirSync(path.join(root, '.github'))).toEqual(['.CODEOWNERS.lock']);
    } finally {
      rmSync(path.join(root, '.github'), { recursive: true });
    }
  });
});

describe('tak synth --out', () => {
  let example: string;
  beforeAll(() => {
    example = makeRepo({}, true);
    for (const dir of ['config', 'environments']) cpSync(path.join(__dirname, '../..', dir), path.join(example, dir), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  });
  afterAll(() => removeRepo(example));

  it('keeps what the user put into its folders: notes, terraform state, .terraform/ and the lock file', async () => {
    expect((await runCli(['synth', '-C', example, '-o', out, '-e', 'test'])).code).toBe(0);
    const mine = {
      'dist/test/NOTES.md': 'rolled out on Tuesday\n',
      'cdktf.out/stacks/test/terraform.tfstate': '{"serial": 7}\n',
      'cdktf.out/stacks/test/.terraform.lock.hcl': '# lock\n',
      'cdktf.out/stacks/test/.terraform/providers/registry/kubernetes': 'plugin\n',
    };
    for (const [file, text] of Object.entries(mine)) {
      mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      writeFileSync(path.join(out, file), text);
    }
    const r = await runCli(['synth', '-C', example, '-o', out, '-e', 'test']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: kept 4 files that tak did not write: ');
    for (const [file, text] of Object.entries(mine)) expect(readFileSync(path.join(out, file), 'utf8')).toBe(text);
    expect(existsSync(path.join(out, 'cdktf.out/stacks/test/cdk.tf.json'))).toBe(true);
  });

  it('refuses an environment folder that tak did not write, and leaves it and everything else as it was', async () => {
    mkdirSync(path.join(out, 'dist', 'test'), { recursive: true });
    writeFileSync(path.join(out, 'dist', 'test', 'deployment.yaml'), 'kind: Deployment\n');
    const r = await runCli(['synth', '-C', example, '-o', out, '-e', 'test']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^tak: .*dist\/test is a folder that tak did not write \(it has no \.tak-outputs\); name a new folder, or move it away\n$/)]);
    expect(readdirSync(path.join(out, 'dist', 'test'))).toEqual(['deployment.yaml']);
  });

  it('sweeps the folders a killed synth left beside its output (also under the names of earlier versions)', async () => {
    expect((await runCli(['synth', '-C', example, '-o', out, '-e', 'test'])).code).toBe(0);
    const dead = deadPid();
    for (const name of [`test.old-${dead}`, `.test.old-${dead}`, `.test.new-${dead}-abc`]) mkdirSync(path.join(out, 'dist', name));
    expect((await runCli(['synth', '-C', example, '-o', out, '-e', 'test'])).code).toBe(0);
    expect(readdirSync(path.join(out, 'dist'))).toEqual(['test']);
  });
});
