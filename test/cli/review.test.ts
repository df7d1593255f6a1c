/**
 * The CLI as its users meet it: one line for every problem (`tak: what; what to do`), the
 * documented exit codes, the same option names across commands, and outputs that never
 * replace a user's folder.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';
import { commitAll } from '../plan/git';

let root: string;
beforeAll(() => {
  root = makeRepo();
  commitAll(root);
});
afterAll(() => removeRepo(root));

/** Exit 2 and exactly one line on stderr, nothing on stdout. */
function expectOneLine(r: { code: number; stdout: string; stderr: string }, line: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(line);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('argument errors', () => {
  it('are one line in the commands\' own form, with the command to ask for help', async () => {
    expectOneLine(await runCli(['validate', '-C', root, '-f', 'xml']), /^tak: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, markdown; run tak validate --help for its options\n$/);
    expectOneLine(await runCli(['validat']), /^tak: unknown command 'validat' \(Did you mean validate\?\); run tak --help for the commands\n$/);
    expectOneLine(await runCli(['import', 'order', 'x.json']), /^tak: required option '-e, --env <name>' not specified; run tak import order --help for its options\n$/);
    expectOneLine(await runCli(['plan', '-C', root]), /^tak: required option '--base <ref>' not specified; run tak plan --help for its options\n$/);
  });

  it('refuse a --now that is no day of the calendar instead of rolling it into the next month', async () => {
    expectOneLine(await runCli(['validate', '-C', root, '--now', '2026-02-30']), /^tak: --now 2026-02-30 is not a date written YYYY-MM-DD\n$/);
    expect((await runCli(['validate', '-C', root, '--now', '2028-02-29'])).code).toBe(0);
  });
});

describe('--now', () => {
  const helpOf = async (...command: string[]) => (await runCli([...command, '--help'])).stdout;

  it('is offered by the commands that judge dates, and -C by every command that reads a repository', async () => {
    for (const command of [['validate'], ['plan'], ['export'], ['import', 'tak-export'], ['import', 'takapi'], ['import', 'order']]) {
      const help = await helpOf(...command);
      expect(help).toContain('-C, --dir <path>');
      expect(help).toContain('--now <date>');
    }
    for (const command of [['synth'], ['codeowners']]) {
      const help = await helpOf(...command);
      expect(help).toContain('-C, --dir <path>');
      expect(help).not.toContain('--now');
    }
  });

  it('is an unknown option to synth and codeowners, which do not judge dates', async () => {
    expectOneLine(await runCli(['synth', '-C', root, '--now', '2026-06-01']), /^tak: unknown option '--now'; run tak synth --help for its options\n$/);
    expectOneLine(await runCli(['codeowners', '-C', root, '--now', '2026-06-01']), /^tak: unknown option '--now'; run tak codeowners --help for its options\n$/);
  });
});

describe('tak plan', () => {
  it('names the head, not the base, when --head is not a revision', async () => {
    expectOneLine(await runCli(['plan', '-C', root, '--base', 'HEAD', '--head', 'no-such-branch']), /^tak: the head no-such-branch is not a revision of this repository/);
  });

  it('gives one line, not a stack trace, when --out is a file', async () => {
    const file = path.join(root, '..', `${path.basename(root)}-plan-out`);
    writeFileSync(file, 'mine\n');
    try {
      expectOneLine(await runCli(['plan', '-C', root, '--base', 'HEAD', '-o', file]), /^tak: cannot mkdir .*-plan-out: a file is in the way; choose another path or fix its permissions\n$/);
      expect(readFileSync(file, 'utf8')).toBe('mine\n');
    } finally {
      removeRepo(file);
    }
  });
});

describe('tak export', () => {
  it('takes -o/--out like plan and synth', async () => {
    const out = path.join(root, '..', `${path.basename(root)}-order.json`);
    try {
      const r = await runCli(['export', 'order', '-C', root, '-e', 'test', '--out', out]);
      expect(r.code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).plattform).toBe('NTJP-TEST');
      expectOneLine(await runCli(['export', 'order', '-C', root, '-e', 'test', '-o', out]), /exists; pass --force to replace it\n$/);
    } finally {
      removeRepo(out);
    }
  });

  it('never replaces a folder of the user\'s, even with --force', async () => {
    const r = await runCli(['export', 'order', '-C', root, '-e', 'test', '-o', root, '--force']);
    expectOneLine(r, /^tak: .* is a folder; tak replaces only regular files: name a file\n$/);
    expect(existsSync(path.join(root, 'environments/test/environment.yaml'))).toBe(true);
    const takapi = await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', path.join(root, 'config'), '--force']);
    expectOneLine(takapi, /is a folder that tak did not write/);
    expect(existsSync(path.join(root, 'config/systems/producer.yaml'))).toBe(true);
  });

  it('replaces its own earlier takapi folder with --force', async () => {
    const out = path.join(root, '..', `${path.basename(root)}-takapi`);
    try {
      expect((await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', out])).code).toBe(0);
      expect((await runCli(['export', 'takapi', '-C', root, '-e', 'test', '-o', out, '--force'])).code).toBe(0);
      expect(existsSync(path.join(out, 'connectionPoints.json'))).toBe(true);
    } finally {
      removeRepo(out);
    }
  });

  it('gives one line when the output lies under a file', async () => {
    const file = path.join(root, '..', `${path.basename(root)}-a-file`);
    writeFileSync(file, 'mine\n');
    try {
      expectOneLine(await runCli(['export', 'order', '-C', root, '-e', 'test', '-o', path.join(file, 'order.json')]), /^tak: cannot mkdir .*-a-file: a file is in the way/);
    } finally {
      removeRepo(file);
    }
  });
});

describe('tak synth', () => {
  it('gives one line when --out is under a file', async () => {
    // The shipped example data has Kubernetes targets; its TypeScript file needs src/ beside it, so it stays behind.
    const example = makeRepo({}, true);
    try {
      for (const dir of ['config', 'environments']) cpSync(path.join(__dirname, '../..', dir), path.join(example, dir), { recursive: true, filter: (f) => !f.endsWith('.ts') });
      writeFileSync(path.join(example, 'a-file'), 'mine\n');
      expectOneLine(await runCli(['synth', '-C', example, '-o', path.join(example, 'a-file')]), /^tak: cannot mkdir .*a-file\/cdktf\.out\S*: a part of the path is a file, not a folder/);
      expect(readFileSync(path.join(example, 'a-file'), 'utf8')).toBe('mine\n');
    } finally {
      removeRepo(example);
    }
  });
});
