/**
 * One writer at a time: a lock file that says who holds it (pid, host, since when, doing what).
 * It is made whole or not at all (written under a temporary name, then hard-linked to its name,
 * which fails when the name exists), so a reader never sees an empty or half-written lock.
 *
 * A lock held by a running process refuses with one line naming the holder. A stale lock (its
 * process is gone on this host, or it is older than `staleAfterMs` and from another host, whose
 * processes cannot be seen from here) is reported with what to do, never taken over silently: a
 * process that was killed may have left its output half done, and a person should look first.
 * The lock is released when the command ends, is interrupted (src/cleanup.ts), or throws.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { isAlive, onExit } from '../cleanup';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** What the holder is doing ("tak synth into dist"). */
  what: string;
}

export interface LockOptions {
  /**
   * After how long a lock from another host counts as stale (its process cannot be checked from
   * here). Default: TAK_LOCK_STALE_AFTER (seconds) from the environment, else one hour.
   */
  staleAfterMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/** Someone else holds the lock: the message is the one line to show. */
export class LockHeld extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
    readonly stale: boolean,
  ) {
    super(describe(file, holder, stale));
  }
}

const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;

function describe(file: string, holder: LockHolder | undefined, stale: boolean): string {
  if (!holder) return `${file} is a lock that cannot be read; if no tak is running, remove it and run again`;
  const who = `pid ${holder.pid} on ${holder.host} since ${holder.since} (${holder.what})`;
  if (!stale) return `locked by ${who}: ${file}; wait for it to finish, or stop it`;
  return `stale lock ${file} of ${who}, which is no longer running; check its output, then remove ${file} and run again`;
}

/** Locks this process holds now: taking one again (a step under a command that took it) is a no-op. */
const held = new Map<string, { count: number }>();

function staleAfter(options: LockOptions): number {
  if (options.staleAfterMs !== undefined) return options.staleAfterMs;
  const seconds = Number(process.env.TAK_LOCK_STALE_AFTER);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_STALE_AFTER_MS;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return undefined;
  }
}

/** Whether the holder has certainly or probably gone: dead on this host, or too old elsewhere. */
function isStale(holder: LockHolder, options: LockOptions): boolean {
  if (holder.host === hostname()) return !isAlive(holder.pid);
  const age = (options.now?.() ?? new Date()).getTime() - Date.parse(holder.since);
  return !(age <= staleAfter(options));
}

/**
 * Takes the lock `file` for `what`, or throws LockHeld (the message says who has it and what to
 * do). The result releases it; it is released on exit and interruption as well.
 */
export function acquireLock(file: string, what: string, options: LockOptions = {}): () => void {
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return once(() => mine.count--);
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: (options.now?.() ?? new Date()).toISOString(), what };
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let other: LockHolder | undefined;
    try {
      other = readHolder(file);
    } catch {
      // Released between our attempt and the read: try once more.
      unlinkSync(tmp);
      return acquireLock(file, what, options);
    }
    throw new LockHeld(file, other, other !== undefined && isStale(other, options));
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Already removed by the retry above.
    }
  }
  const entry = { count: 1 };
  held.set(file, entry);
  const remove = () => {
    held.delete(file);
    // Only our own lock: never one that someone removed as stale and then took.
    try {
      if (readHolder(file)?.pid === process.pid) unlinkSync(file);
    } catch {
      // Gone already.
    }
  };
  const unregister = onExit(remove);
  return once(() => {
    if (--entry.count > 0) return;
    unregister();
    remove();
  });
}

/** Runs `fn` holding the lock; released however it ends. */
export async function withLock<T>(file: string, what: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = acquireLock(file, what, options);
  try {
    return await fn();
  } finally {
    release();
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
