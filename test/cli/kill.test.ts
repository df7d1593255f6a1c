/**
 * Nothing lost: every command that writes is killed with SIGKILL at seeded random moments (some at
 * any time, most once its staging shows on disk, when the writing has begun), and then:
 * - what the kill left holds, file by file and folder by folder, the old content or the new, never
 *   a half-written file, and no file of the old content is gone before all of the new is in place;
 * - the next run refuses over the stale lock with what to do, and once that is done, recovers:
 *   the target is then wholly old or wholly new, and nothing of the killed run is left;
 * - files of the user's in an output folder survive every kill.
 * And two writers of one output: the second refuses with one line that names the first.
 *
 * The killed commands run as users run them (`node bin/tak.js`); what the test sets up and the
 * recovery runs in this process, to keep the suite fast. TAK_KILL_SEED picks other moments;
 * TAK_KILL_DEBUG=1 prints when each command was killed and what it left.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { manyProducers } from '../helpers/many-producers';

const BIN = path.join(__dirname, '../../bin/tak.js');
const SEED = Number(process.env.TAK_KILL_SEED ?? 20261202);
const NOW = ['--now', '2026-06-01'];

/** mulberry32: a small seeded generator, so that a failing trial can be run again. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(SEED);

/** When to kill: `ms` after the start, or `ms` after `ready()` first holds (polled every millisecond). */
type Moment = { ms: number; ready?: () => boolean };

/** Runs `tak args` and kills it with SIGKILL at `moment`; whether it was killed before it ended by itself. */
function runKilled(args: string[], moment: Moment): Promise<{ killed: boolean; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const kill = () => child.kill('SIGKILL');
  let poll: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (moment.ready) {
    const ready = moment.ready;
    poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      timer = setTimeout(kill, moment.ms);
    }, 1);
  } else timer = setTimeout(kill, moment.ms);
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`tak ${args.join(' ')} ended with ${code}: ${stderr}`));
      if (process.env.TAK_KILL_DEBUG) process.stdout.write(`${args[0]} ${signal ?? code} ${JSON.stringify(moment.ready ? `${moment.ms}ms after ready` : `${moment.ms}ms`)}\n`);
      resolve({ killed: signal === 'SIGKILL', stderr });
    });
  });
}

/** A moment for a trial: a quarter at any time in the first `anyMs`, the rest up to `windowMs` after `ready`. */
function moment(ready: () => boolean, anyMs: number, windowMs: number): Moment {
  return random() < 0.25 ? { ms: Math.floor(random() * anyMs) } : { ms: Math.floor(random() * windowMs), ready };
}

/** Every file under `dir` (path -> content), leaving out the names `skip` matches. */
function tree(dir: string, skip = /^\.tak/, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(path.join(dir, rel))) return out;
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (skip.test(e.name)) continue;
    const file = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, tree(dir, skip, file));
    else out[file] = readFileSync(path.join(dir, file), 'utf8');
  }
  return out;
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => /\.(new|old)-\d+|\.tmp$|^\.tak-pending$|^\.synth-/.test(n));

/**
 * The next run after a kill: when the killed run left its lock, the first attempt refuses with
 * what to do (when it needs the lock); the test does that and runs again.
 */
async function nextRun(args: string[], lock: string): Promise<{ code: number; stderr: string }> {
  let r = await runCli(args);
  if (r.code === 2 && /stale lock/.test(r.stderr)) {
    expect(r.stderr).toMatch(new RegExp(`^tak: stale lock ${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} of pid \\d+ on .* no longer running; check its output, then remove .* and run again\\n$`));
    rmSync(lock);
    r = await runCli(args);
  } else if (existsSync(lock)) rmSync(lock); // stale, but this command did not need it
  return r;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'tak-kill-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tak import --force, killed', () => {
  let old: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  beforeAll(async () => {
    writeFileSync(path.join(work, 'a.json'), manyProducers(150, 'v1'));
    writeFileSync(path.join(work, 'b.json'), manyProducers(149, 'v2'));
    old = path.join(work, 'import-old');
    mkdirSync(old);
    expect((await runCli(['import', 'tak-export', path.join(work, 'a.json'), '-C', old, '-e', 'qa', ...NOW])).code).toBe(0);
    before = tree(old);
    const reference = path.join(work, 'import-new');
    cpSync(old, reference, { recursive: true });
    expect((await runCli(['import', 'tak-export', path.join(work, 'b.json'), '-C', reference, '-e', 'qa', '--force', ...NOW])).code).toBe(0);
    after = tree(reference);
    expect(Object.keys(before).filter((f) => !(f in after)).length).toBeGreaterThan(0); // the import removes files too
  });

  it.each([0, 1, 2])('trial %i: the repository holds the old declarations or the new, never a mix, once the next run has run', async (trial) => {
    const root = path.join(work, `import-${trial}`);
    cpSync(old, root, { recursive: true });
    const pending = path.join(root, '.tak-pending');
    const journal = path.join(pending, 'journal.json');
    // Half the trials aim at the staging, half at the moves after the commit point.
    const ready = random() < 0.5 ? () => existsSync(pending) : () => existsSync(journal);
    const { killed } = await runKilled(['import', 'tak-export', path.join(work, 'b.json'), '-C', root, '-e', 'qa', '--force', ...NOW], moment(ready, 2000, 40));
    const committed = existsSync(journal);
    if (process.env.TAK_KILL_DEBUG) process.stdout.write(`import committed=${committed} files=${Object.keys(tree(root)).length}\n`);
    const left = tree(root);
    for (const [file, text] of Object.entries(left)) expect([before[file], after[file]]).toContain(text);
    const allNewInPlace = Object.entries(after).every(([file, text]) => left[file] === text);
    expect(allNewInPlace || Object.keys(before).every((f) => f in left)).toBe(true);
    if (!killed) expect(left).toEqual(after);

    // Without a journal nothing was moved yet, or everything was and only the cleaning up was left.
    if (!committed) expect([before, after]).toContainEqual(left);

    const r = await nextRun(['validate', '-C', root, ...NOW], path.join(root, '.tak.lock'));
    expect(r.code).not.toBe(2);
    expect(tree(root)).toEqual(committed ? after : left);
    expect(readdirSync(root).filter((n) => n.startsWith('.tak'))).toEqual([]);
  });

  it('refuses while another import holds the repository, in one line that names it', async () => {
    const root = path.join(work, 'import-held');
    cpSync(old, root, { recursive: true });
    // Held by a running process other than this one (the test runner's parent).
    writeFileSync(path.join(root, '.tak.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-02T07:00:00.000Z', what: 'tak import takapi' }));
    const r = await runCli(['import', 'tak-export', path.join(work, 'b.json'), '-C', root, '-e', 'qa', '--force', ...NOW]);
    expect([r.code, r.stderr]).toEqual([2, `tak: locked by pid ${process.ppid} on ${hostname()} since 2026-12-02T07:00:00.000Z (tak import takapi): ${root}/.tak.lock; wait for it to finish, or stop it\n`]);
    expect(tree(root)).toEqual(before);
  });
});

describe('tak synth, killed', () => {
  let repo: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  /** Files of the user's in the output folders: they must survive every kill. */
  const mine = { 'dist/test/NOTES.md': 'deployed by hand on Tuesday\n', 'cdktf.out/stacks/test/terraform.tfstate': '{"serial": 7}\n', 'cdktf.out/stacks/test/.terraform/providers/p': 'provider\n' };
  const outputs = (root: string) => ({ ...tree(path.join(root, 'dist'), /^\.tak|\.(new|old)-/), ...tree(path.join(root, 'cdktf.out'), /^\.tak|\.(new|old)-|^\.synth/) });
  const change = (root: string) => {
    for (const env of ['test', 'qa', 'prod']) {
      const file = path.join(root, 'environments', env, 'connections', 'forminteraction-region-exempel.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/GetForms\/2\//g, 'GetForms/2b/'));
    }
  };
  beforeAll(async () => {
    repo = path.join(work, 'synth-old');
    for (const dir of ['config', 'environments']) cpSync(path.join(__dirname, '../..', dir), path.join(repo, dir), { recursive: true, filter: (f) => !f.endsWith('.ts') });
    expect((await runCli(['synth', '-C', repo])).code).toBe(0);
    for (const [file, text] of Object.entries(mine)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    before = outputs(repo);
    const reference = path.join(work, 'synth-new');
    cpSync(repo, reference, { recursive: true });
    change(reference);
    expect((await runCli(['synth', '-C', reference])).code).toBe(0);
    after = outputs(reference);
    expect(after).not.toEqual(before);
  });

  /** The output folders, each whole: old or new, with the user's files in it. */
  const folders = (files: Record<string, string>) => {
    const by = new Map<string, Record<string, string>>();
    for (const [file, text] of Object.entries(files)) {
      const folder = file.split('/').slice(0, file.startsWith('cdktf.out/stacks/') ? 3 : 2).join('/');
      by.set(folder, { ...by.get(folder), [file]: text });
    }
    return by;
  };

  it.each([0, 1])('trial %i: each output folder is the old or the new, the user\'s files are kept, and the next synth recovers', async (trial) => {
    const root = path.join(work, `synth-${trial}`);
    cpSync(repo, root, { recursive: true });
    change(root);
    const staging = () => [path.join(root, 'dist'), path.join(root, 'cdktf.out', 'stacks')].some((d) => readdirSync(d).some((n) => n.includes('.new-')));
    const { killed } = await runKilled(['synth', '-C', root], moment(staging, 4000, 40));
    const left = folders(outputs(root));
    const [old, fresh] = [folders(before), folders(after)];
    for (const [folder, files] of left) expect([old.get(folder), fresh.get(folder)]).toContainEqual(files);
    // A folder missing from its place was moved aside whole, with the user's files in it.
    for (const folder of old.keys()) if (!left.has(folder)) expect(readdirSync(path.dirname(path.join(root, folder))).some((n) => n.startsWith(`.${path.basename(folder)}.old-`))).toBe(true);
    if (!killed) expect(outputs(root)).toEqual(after);

    const r = await nextRun(['synth', '-C', root], path.join(root, '.tak.lock'));
    expect(r.code).toBe(0);
    expect(outputs(root)).toEqual(after);
    for (const [file, text] of Object.entries(mine)) expect(readFileSync(path.join(root, file), 'utf8')).toBe(text);
    expect([...leftovers(path.join(root, 'dist')), ...leftovers(path.join(root, 'cdktf.out')), ...leftovers(path.join(root, 'cdktf.out', 'stacks'))]).toEqual([]);
  });

  it('two synths into one folder at once: each ends whole or refuses in one line, and the output is whole', async () => {
    const root = path.join(work, 'synth-race');
    cpSync(repo, root, { recursive: true });
    change(root);
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'synth', '-C', root], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run()]);
    for (const r of results) {
      if (r.code === 0) continue;
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^tak: locked by pid \d+ on .* \(tak synth into .*\): .*\.tak\.lock; wait for it to finish, or stop it\n$/)]);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(outputs(root)).toEqual(after);
    expect([...leftovers(path.join(root, 'dist')), ...leftovers(path.join(root, 'cdktf.out', 'stacks'))]).toEqual([]);
    expect(existsSync(path.join(root, '.tak.lock'))).toBe(false);
  });
});

describe('tak export and tak codeowners, killed', () => {
  let repo: string;
  let changed: string;
  beforeAll(async () => {
    repo = path.join(work, 'export');
    mkdirSync(repo);
    writeFileSync(path.join(work, 'c.json'), manyProducers(100, 'v1'));
    expect((await runCli(['import', 'tak-export', path.join(work, 'c.json'), '-C', repo, '-e', 'qa', ...NOW])).code).toBe(0);
    changed = path.join(work, 'export-changed');
    cpSync(repo, changed, { recursive: true });
    const routing = path.join(changed, 'environments/qa/routing/se2321000016-1000/clinicalprocess-healthcond-description.yaml');
    writeFileSync(routing, readFileSync(routing, 'utf8').replace('/v1/', '/v9/'));
    const system = path.join(changed, 'config/systems/se2321000016-1000.yaml');
    writeFileSync(system, `${readFileSync(system, 'utf8')}owners: ['@region/journal-team']\n`);
  });

  /** A file's content, a folder's files (but `skip`), or undefined when it is not there. */
  const snapshot = (out: string, skip: RegExp) => {
    const stat = lstatSync(out, { throwIfNoEntry: false });
    return stat?.isDirectory() ? tree(out, skip) : stat ? readFileSync(out, 'utf8') : undefined;
  };
  const appears = (dir: string, pattern: RegExp) => () => existsSync(dir) && readdirSync(dir).some((n) => pattern.test(n));

  /**
   * `command(from, out)` writes `out` from the repository `from`: once from the old declarations,
   * once from the changed ones for reference, then killed while writing the changed ones over the old.
   */
  async function trial(command: (from: string, out: string) => string[], out: string, ready: () => boolean, skip = /^$/): Promise<void> {
    expect((await runCli(command(repo, out))).code).toBe(0);
    const old = snapshot(out, skip);
    const reference = `${out}-reference`;
    expect((await runCli(command(changed, reference))).code).toBe(0);
    const fresh = snapshot(reference, skip);
    expect(fresh).not.toEqual(old);
    const { killed } = await runKilled(command(changed, out), moment(ready, 3000, 20));
    expect([old, fresh]).toContainEqual(snapshot(out, skip));
    if (!killed) expect(snapshot(out, skip)).toEqual(fresh);
    const r = await nextRun(command(changed, out), path.join(path.dirname(out), `.${path.basename(out)}.lock`));
    expect(r.code).toBe(0);
    expect(snapshot(out, skip)).toEqual(fresh);
    expect(leftovers(path.dirname(out))).toEqual([]);
  }

  it('export order -o FILE --force: the file is the old order or the new', async () => {
    const out = path.join(work, 'out', 'order.json');
    const command = (from: string, o: string) => ['export', 'order', '-C', from, '-e', 'qa', '-o', o, '--force', ...NOW];
    await trial(command, out, appears(path.dirname(out), /^\.order\.json\.\d+\.tmp$/));
  });

  it('export takapi -o FOLDER --force: the folder is the old responses or the new, a file of the user\'s in it kept', async () => {
    const out = path.join(work, 'out', 'api');
    const command = (from: string, o: string) => ['export', 'takapi', '-C', from, '-e', 'qa', '-o', o, '--force', ...NOW];
    expect((await runCli(command(repo, out))).code).toBe(0);
    writeFileSync(path.join(out, 'README.txt'), 'fetched for the mock server\n');
    await trial(command, out, appears(path.dirname(out), /^\.api\.new-/), /^README\.txt$/);
    expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('fetched for the mock server\n');
  });

  it('codeowners: the file is the old or the new', async () => {
    // The output lives in the repository: the old file (from the old declarations) is put into the changed one.
    const out = path.join(changed, '.github', 'CODEOWNERS');
    const [old, reference] = [path.join(work, 'codeowners-old'), path.join(work, 'codeowners-new')];
    cpSync(repo, old, { recursive: true });
    cpSync(changed, reference, { recursive: true });
    for (const r of [old, reference]) expect((await runCli(['codeowners', '-C', r])).code).toBe(0);
    mkdirSync(path.dirname(out), { recursive: true });
    cpSync(path.join(old, '.github', 'CODEOWNERS'), out);
    const [before, after] = [readFileSync(out, 'utf8'), readFileSync(path.join(reference, '.github', 'CODEOWNERS'), 'utf8')];
    expect(after).not.toBe(before);
    const { killed } = await runKilled(['codeowners', '-C', changed], moment(appears(path.dirname(out), /^\.CODEOWNERS\.\d+\.tmp$/), 3000, 20));
    expect([before, after]).toContain(readFileSync(out, 'utf8'));
    if (!killed) expect(readFileSync(out, 'utf8')).toBe(after);
    expect((await nextRun(['codeowners', '-C', changed], path.join(path.dirname(out), '.CODEOWNERS.lock'))).code).toBe(0);
    expect([readFileSync(out, 'utf8'), leftovers(path.dirname(out))]).toEqual([after, []]);
  });
});
