import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCleanups } from '../cleanup';
import { acquireLock, LockHeld, withLock, type LockHolder } from './lock';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tak-lock-'));
  file = path.join(dir, '.tak.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const lockOf = (holder: Partial<LockHolder>) =>
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-01T10:00:00.000Z', what: 'tak synth into o', ...holder }));
const refusal = (fn: () => unknown): LockHeld => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LockHeld) return error;
    throw error;
  }
  throw new Error('the lock was taken');
};

describe('acquireLock', () => {
  it('records who holds it and removes it on release, leaving no temporary', () => {
    const release = acquireLock(file, 'tak import into .', { now: () => new Date('2026-12-02T07:00:00Z') });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, host: hostname(), since: '2026-12-02T07:00:00.000Z', what: 'tak import into .' });
    expect(readdirSync(dir)).toEqual(['.tak.lock']);
    release();
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses while a running process holds it, in one line that says who and since when', () => {
    lockOf({});
    const e = refusal(() => acquireLock(file, 'tak synth into o'));
    expect(e.stale).toBe(false);
    expect(e.message).toBe(`locked by pid ${process.ppid} on ${hostname()} since 2026-12-01T10:00:00.000Z (tak synth into o): ${file}; wait for it to finish, or stop it`);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.tak.lock']);
  });

  it('reports a lock of a process that is gone as stale, with what to do, and leaves it in place', () => {
    const pid = deadPid();
    lockOf({ pid });
    const e = refusal(() => acquireLock(file, 'tak synth into o'));
    expect(e.stale).toBe(true);
    expect(e.message).toMatch(new RegExp(`^stale lock .* of pid ${pid} on .* no longer running; check its output, then remove .*\\.tak\\.lock and run again$`));
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(pid);
  });

  it('counts a lock from another host as stale only after the configured age', () => {
    lockOf({ pid: 1, host: 'build-agent-7', since: '2026-12-02T06:00:00.000Z' });
    const now = () => new Date('2026-12-02T06:30:00Z');
    expect(refusal(() => acquireLock(file, 'x', { now, staleAfterMs: 3600_000 })).stale).toBe(false);
    expect(refusal(() => acquireLock(file, 'x', { now, staleAfterMs: 600_000 })).stale).toBe(true);
    process.env.TAK_LOCK_STALE_AFTER = '60';
    try {
      expect(refusal(() => acquireLock(file, 'x', { now })).stale).toBe(true);
    } finally {
      delete process.env.TAK_LOCK_STALE_AFTER;
    }
  });

  it('reports a lock it cannot read instead of taking it', () => {
    writeFileSync(file, '');
    expect(refusal(() => acquireLock(file, 'x')).message).toBe(`${file} is a lock that cannot be read; if no tak is running, remove it and run again`);
  });

  it('is released on interruption, and never removes a lock that another process took since', () => {
    acquireLock(file, 'x');
    runCleanups();
    expect(existsSync(file)).toBe(false);
    const release = acquireLock(file, 'x');
    lockOf({}); // removed by hand as stale and taken by someone else
    release();
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.ppid);
  });

  it('may be taken again by its holder (a step under a command that locked), released by the outermost', async () => {
    const outer = acquireLock(file, 'x');
    await withLock(file, 'y', () => expect(existsSync(file)).toBe(true));
    expect(existsSync(file)).toBe(true);
    outer();
    expect(existsSync(file)).toBe(false);
    await expect(withLock(file, 'z', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(file)).toBe(false);
  });

  it('lets exactly one of many processes racing for it win, and is released when the winner exits', async () => {
    // Each child tries when told to (all at once), says how it went, and holds on until its input ends;
    // the winner then exits without releasing: the exit hook of src/cleanup.ts does it.
    const script = `require('tsx/cjs');
      const { acquireLock } = require(${JSON.stringify(path.join(__dirname, 'lock.ts'))});
      require(${JSON.stringify(path.join(__dirname, '../cleanup.ts'))}).cleanUpOnExit();
      process.stdout.write('ready\\n');
      process.stdin.once('data', () => {
        let result = 'won';
        try { acquireLock(${JSON.stringify(file)}, 'race'); } catch { result = 'lost'; }
        process.stdout.write(result + '\\n');
      });
      process.stdin.on('end', () => process.exit(0));`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['-e', script], { cwd: path.join(__dirname, '../..') }));
    const said = children.map((child) => {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      // The first n lines the child has said, once it has said them.
      return (n: number) => new Promise<string[]>((resolve) => {
        const check = () => (out.split('\n').length > n ? resolve(out.split('\n').slice(0, n)) : setTimeout(check, 10));
        check();
      });
    });
    await Promise.all(said.map((lines) => lines(1)));
    for (const child of children) child.stdin.write('go\n');
    const results = (await Promise.all(said.map((lines) => lines(2)))).map((l) => l[1]);
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(3);
    expect(existsSync(file)).toBe(true);
    await Promise.all(children.map((child) => new Promise((resolve) => (child.on('close', resolve), child.stdin.end()))));
    expect(existsSync(file)).toBe(false);
  });
});
