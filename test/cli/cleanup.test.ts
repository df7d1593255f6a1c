/**
 * Interrupted commands leave nothing behind: the registry runs what the steps registered, the
 * steps register their temporaries and unregister them when done, leftovers of a killed run are
 * removed by the next, and a real SIGINT to `tak plan` ends it with 130 and no extracted revision.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isAlive, onExit, registeredCleanups, removeOnExit, removeStale, runCleanups } from '../../src/cleanup';
import { writeOutput } from '../../src/export/output';
import { writeImport } from '../../src/import/write';
import { GitRevisionReader } from '../../src/load/git-reader';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';
import { commitAll } from '../plan/git';

const BIN = path.join(__dirname, '../../bin/tak.js');
/** A declaration in TypeScript: reading it from a revision needs the revision on disk. */
const TS_FILE = 'environments/test/connections/notes.ts';
const TS_DECLARATION = "export default { description: 'A connection written in TypeScript' };\n";

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

let root: string;
beforeEach(() => {
  root = makeRepo({ [TS_FILE]: TS_DECLARATION });
  commitAll(root);
});
afterEach(() => removeRepo(root));

describe('the cleanup registry', () => {
  it('runs what is registered, latest first, once, and not what was unregistered', () => {
    const ran: string[] = [];
    onExit(() => ran.push('first'));
    const unregister = onExit(() => ran.push('gone'));
    onExit(() => {
      throw new Error('one failure does not keep the others');
    });
    onExit(() => ran.push('last'));
    unregister();
    runCleanups();
    runCleanups();
    expect(ran).toEqual(['last', 'first']);
    expect(registeredCleanups()).toBe(0);
  });

  it('removes a registered path when interrupted, or when the step is done with it', () => {
    const [a, b] = [path.join(root, 'a.tmp'), path.join(root, 'b.tmp')];
    writeFileSync(a, 'a');
    mkdirSync(b);
    const doneWithA = removeOnExit(a);
    removeOnExit(b);
    doneWithA();
    expect([existsSync(a), registeredCleanups()]).toEqual([false, 1]);
    runCleanups();
    expect(existsSync(b)).toBe(false);
  });

  it('removes leftovers of processes that have ended, and keeps those of running ones', () => {
    const dead = deadPid();
    expect(isAlive(dead)).toBe(false);
    for (const name of [`x-${dead}`, `x-${process.pid}`, `x-${process.ppid}`, 'x-mine']) mkdirSync(path.join(root, name));
    removeStale(root, /^x-(\d+)$/);
    expect(readdirSync(root).filter((n) => n.startsWith('x-')).sort()).toEqual([`x-${process.pid}`, `x-${process.ppid}`, 'x-mine'].sort());
  });
});

describe('the places that make temporaries', () => {
  it('an export registers its temporary file while it writes; interrupted, nothing is left', async () => {
    const target = path.join(root, 'out', 'order.json');
    const seen: string[][] = [];
    function* pieces() {
      // Past the stream's buffer, so that the writer waits for it and the file is open.
      for (let i = 0; i < 3; i++) yield ' '.repeat(64 * 1024);
      seen.push(readdirSync(path.dirname(target)));
      expect(registeredCleanups()).toBe(1);
      runCleanups(); // what SIGINT does
      yield '}';
    }
    await expect(writeOutput(target, pieces(), false)).rejects.toThrow();
    expect(seen).toEqual([[`.order.json.${process.pid}.tmp`, '.order.json.lock']]);
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('an export that completes unregisters, and removes what a killed export left', async () => {
    const target = path.join(root, 'out', 'order.json');
    mkdirSync(path.dirname(target));
    writeFileSync(path.join(root, 'out', `.order.json.${deadPid()}.tmp`), 'half');
    await writeOutput(target, ['{', '}'], false);
    expect(readdirSync(path.dirname(target))).toEqual(['order.json']);
    expect(registeredCleanups()).toBe(0);
  });

  it('an import unregisters its staging folder, and removes what a killed import left before it wrote anything', () => {
    mkdirSync(path.join(root, '.tak-pending', 'files'), { recursive: true });
    writeImport(root, { create: new Map([['environments/qa/environment.yaml', 'name: qa\n']]), append: [], replace: [], summary: [] }, false);
    expect(readdirSync(root).filter((n) => n.startsWith('.tak-'))).toEqual([]);
    expect(registeredCleanups()).toBe(0);
  });

  it('plan registers the extracted revision (interrupted: removed), unregisters on dispose, and removes stale ones', async () => {
    const revisions = path.join(root, '.tak', 'revisions');
    const stale = path.join(revisions, `0123456789ab-${deadPid()}`);
    mkdirSync(stale, { recursive: true });
    const reader = await GitRevisionReader.open(root, 'main');
    expect([existsSync(await reader.importPath(TS_FILE)), existsSync(stale), registeredCleanups()]).toEqual([true, false, 1]);
    runCleanups();
    expect(readdirSync(revisions)).toEqual([]);

    const again = await GitRevisionReader.open(root, 'main');
    await again.importPath(TS_FILE);
    await again.dispose();
    expect([readdirSync(revisions), registeredCleanups()]).toEqual([[], 0]);
  });
});

describe('tak plan interrupted by SIGINT', () => {
  it('exits 130 and leaves no extracted revision', async () => {
    const revisions = path.join(root, '.tak', 'revisions');
    const child = spawn(process.execPath, [BIN, 'plan', '-C', root, '--base', 'main', '--now', '2026-06-01'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as the base revision is on disk (the command runs on for a while after).
    let interrupted = false;
    const poll = setInterval(() => {
      if (!interrupted && existsSync(revisions) && readdirSync(revisions).length > 0) {
        interrupted = true;
        child.kill('SIGINT');
      }
    }, 2);
    const code = await exited;
    clearInterval(poll);
    expect(interrupted).toBe(true);
    expect(code).toBe(130);
    expect(readdirSync(revisions)).toEqual([]);
  }, 30_000);
});
