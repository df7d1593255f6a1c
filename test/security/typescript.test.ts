/**
 * TypeScript declarations are code: they run in a child process with a clean environment and a
 * time limit, their exit code means nothing, and `--no-typescript` refuses to run them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadRepository } from '../../src/load';
import { WorkingTreeReader } from '../../src/load/reader';
import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

function repo(files: Record<string, string>): string {
  const root = makeRepo(files);
  repos.push(root);
  return root;
}

const connection = (description: string) => `export default { description: ${description} };\n`;

async function load(root: string, timeoutMs = 30_000) {
  const result = await loadRepository(new WorkingTreeReader(root), undefined, { typescript: { run: true, timeoutMs } });
  const value = (file: string) => (result.files.find((f) => f.path === file)?.value as { description?: string } | undefined)?.description;
  const problems = result.diagnostics.map((d) => `${d.location.file} ${d.message}`);
  return { value, problems };
}

describe('TypeScript declarations', () => {
  it('run without the environment of the command (no inherited secrets)', async () => {
    process.env.TAK_TEST_SECRET = 'hunter2';
    try {
      const root = repo({ 'environments/test/connections/leak.ts': connection('process.env.TAK_TEST_SECRET ?? `absent, PATH ${process.env.PATH ? "kept" : "gone"}`') });
      const { value, problems } = await load(root);
      expect(problems).toEqual([]);
      expect(value('environments/test/connections/leak.ts')).toBe('absent, PATH kept');
    } finally {
      delete process.env.TAK_TEST_SECRET;
    }
  });

  it('cannot end validate green by exiting: the file is an error, the other files still load, stdout stays the report', async () => {
    const root = repo({
      'environments/test/connections/a-exit.ts': 'console.log("{}");\nprocess.exit(0);\n',
      'environments/test/connections/b-fine.ts': connection('"fine"'),
    });
    const { value, problems } = await load(root);
    expect(value('environments/test/connections/b-fine.ts')).toBe('fine');
    expect(problems).toEqual([expect.stringMatching(/^environments\/test\/connections\/a-exit\.ts .*ended the TypeScript loader .*exited with code 0/)]);
    const result = await runCli(['validate', '-C', root, '-f', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'schema', file: 'environments/test/connections/a-exit.ts' }));
  });

  it('are stopped when they loop and ignore SIGTERM, and the files after them still load', async () => {
    const root = repo({
      'environments/test/connections/a-loop.ts': 'process.on("SIGTERM", () => {});\nwhile (true) {}\n',
      'environments/test/connections/b-fine.ts': connection('"fine"'),
    });
    const started = Date.now();
    const { value, problems } = await load(root, 1500);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(value('environments/test/connections/b-fine.ts')).toBe('fine');
    expect(problems).toEqual([expect.stringMatching(/a-loop\.ts did not finish loading within 1\.5 s/)]);
  });

  it('do not outlive a command that is killed with SIGKILL while they loop', async () => {
    const root = repo({});
    const pidFile = path.join(root, 'child.pid');
    const looping = path.join(root, 'environments/test/connections/loop.ts');
    writeFileSync(looping, `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nwhile (true) {}\n`);
    const script = path.join(root, 'command.ts');
    const loader = path.join(__dirname, '../../src/load/typescript');
    writeFileSync(script, `require(${JSON.stringify(loader)}).importDeclarations([${JSON.stringify(looping)}], ${JSON.stringify(root)}, { run: true, timeoutMs: 120000 });\n`);
    const command = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script], { stdio: 'ignore' });
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const waitFor = async (condition: () => boolean, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end && !condition(); ) await new Promise((r) => setTimeout(r, 100));
      return condition();
    };
    try {
      expect(await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 30_000)).toBe(true);
      const child = Number(readFileSync(pidFile, 'utf8'));
      command.kill('SIGKILL');
      expect(await waitFor(() => !alive(child), 10_000)).toBe(true);
    } finally {
      command.kill('SIGKILL');
    }
  });

  it('cannot import code from outside the repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'tak-outside-'));
    repos.push(outside);
    writeFileSync(path.join(outside, 'evil.js'), 'module.exports = { description: "from outside" };\n');
    const root = repo({ 'environments/test/connections/reach.ts': `export { default } from ${JSON.stringify(path.join(outside, 'evil.js'))};\n` });
    const { problems } = await load(root);
    expect(problems).toEqual([expect.stringMatching(/reach\.ts failed when imported: imports .*evil\.js, which is outside the repository/)]);
  });

  it('do not run with --no-typescript: each is an error, in validate and in plan (the base revision too)', async () => {
    const marker = path.join(tmpdir(), `tak-ran-${process.pid}`);
    rmSync(marker, { force: true });
    const code = `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexport default { description: "ran" };\n`;
    const root = repo({ 'environments/test/connections/runs.ts': code });
    const validate = await runCli(['validate', '-C', root, '--no-typescript']);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/environments\/test\/connections\/runs\.ts:1.* is TypeScript, which is code, and was not run \(--no-typescript/);

    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.se', 'add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.se', 'commit', '-qm', 'base');
    const plan = await runCli(['plan', '--base', 'HEAD', '-C', root, '--no-typescript']);
    expect(plan.code).toBe(1);
    expect(existsSync(marker)).toBe(false);
    // Without the option the same file runs (in its child process).
    await runCli(['validate', '-C', root]);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker, { force: true });
  });

  it.each([
    ['synth', '--out', 'OUT'],
    ['export', 'tak-export', '--env', 'test', '-o', 'OUT/x.json'],
    ['codeowners', '--check'],
    ['import', 'order', 'ORDER', '--env', 'test'],
  ])('do not run in tak %s with --no-typescript', async (...args) => {
    const marker = path.join(tmpdir(), `tak-ran-${process.pid}-${args[0]}`);
    const root = repo({ 'environments/test/connections/runs.ts': `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};\n` });
    const out = mkdtempSync(path.join(tmpdir(), 'tak-out-'));
    repos.push(out);
    const order = path.join(out, 'order.json');
    writeFileSync(order, '{}');
    const result = await runCli([...args.map((a) => a.replace('OUT', path.join(out, 'o')).replace('ORDER', order)), '-C', root, '--no-typescript']);
    expect([0, 1]).toContain(result.code);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a time limit that is not a number of seconds', async () => {
    const root = repo({});
    const result = await runCli(['validate', '-C', root, '--typescript-timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tak: --typescript-timeout soon is not a number of seconds\n');
  });
});
