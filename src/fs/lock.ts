/**
 * A lock file that survives a crash: created exclusively, holding the holder's pid, host and start
 * time. A lock whose holder is alive refuses the next taker; one whose holder is gone (same host,
 * no such pid) or that is older than `staleAfterMs` (another host, whose pids cannot be checked) is
 * reported as stale, with what to do, and is never removed silently: two runs that both believe
 * the other is dead must not both go ahead.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { onExit } from '../cleanup';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 */
  since: string;
  what: string;
}

/** The lock is taken: `stale` says whether its holder looks gone (the message says what to do). */
export class LockHeld extends Error {
  constructor(
    message: string,
    readonly holder: LockHolder | undefined,
    readonly stale: boolean,
  ) {
    super(message);
  }
}

export interface LockOptions {
  /** After how long a lock held from another host counts as stale (default 6 hours). */
  staleAfterMs?: number;
  now?: () => Date;
}

/** Takes the lock `file` for `what` (e.g. `apply of test`), or throws LockHeld; the result releases it. */
export function acquireLock(file: string, what: string, options: LockOptions = {}): () => void {
  const now = options.now ?? (() => new Date());
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: now().toISOString(), what };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw held(file, what, options.staleAfterMs ?? 6 * 3600_000, now());
  }
  const release = () => rmSync(file, { force: true });
  const unregister = onExit(release);
  return () => {
    unregister();
    release();
  };
}

function held(file: string, what: string, staleAfterMs: number, now: Date): LockHeld {
  const holder = readHolder(file);
  if (!holder) {
    return new LockHeld(`${what} is locked by ${file}, which does not say who holds it; remove it once you are sure no ${what} is running`, undefined, true);
  }
  const who = `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
  const age = now.getTime() - Date.parse(holder.since);
  const gone = holder.host === hostname() ? !alive(holder.pid) : age > staleAfterMs;
  if (gone) {
    const why = holder.host === hostname() ? 'that process is gone' : `it is older than ${Math.round(staleAfterMs / 3600_000)} hours`;
    return new LockHeld(`a stale lock from ${holder.what} (${who}; ${why}) is in ${file}; check that it is not running, then remove the file and run again`, holder, true);
  }
  return new LockHeld(`another ${holder.what} is in progress (${who}); wait for it to finish (lock ${file})`, holder, false);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string') {
      return { pid: value.pid, host: value.host, since: value.since, what: value.what ?? 'a run' };
    }
  } catch {
    // Unreadable or half-written: reported as a lock that does not say who holds it.
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
