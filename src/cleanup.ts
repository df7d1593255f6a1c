/**
 * Temporary files and folders that must not outlive the command: the steps that make them register
 * their removal here, and the CLI runs what is still registered when it is interrupted (SIGINT,
 * SIGTERM: then exits 130/143, as a shell expects) or exits. What a killed process (SIGKILL, a
 * power cut) leaves behind carries its pid in the name, so the next run can tell it is stale.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const pending = new Set<() => void>();

/** Registers `fn` to run on interruption or exit; the result unregisters it. */
export function onExit(fn: () => void): () => void {
  pending.add(fn);
  return () => pending.delete(fn);
}

/**
 * Registers `target` for removal; the result removes it now (if it is still there: a temporary
 * that was renamed into place is gone already) and unregisters it.
 */
export function removeOnExit(target: string): () => void {
  const remove = () => rmSync(target, { recursive: true, force: true });
  const unregister = onExit(remove);
  return () => {
    unregister();
    remove();
  };
}

/** How many cleanups are registered (for tests of the places that register). */
export function registeredCleanups(): number {
  return pending.size;
}

/** Runs every registered cleanup, the latest first (a child process is stopped before its folder goes). */
export function runCleanups(): void {
  const all = [...pending].reverse();
  pending.clear();
  for (const fn of all) {
    try {
      fn();
    } catch {
      // Best effort: one leftover must not keep the others.
    }
  }
}

let installed = false;

/** Runs the cleanups on SIGINT/SIGTERM (then exits 128 + the signal number) and on exit. Once per process. */
export function cleanUpOnExit(): void {
  if (installed) return;
  installed = true;
  const signals: [NodeJS.Signals, number][] = [['SIGINT', 130], ['SIGTERM', 143]];
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      runCleanups();
      process.exit(code);
    });
  }
  process.on('exit', runCleanups);
}

/** Whether a process with this id is running (EPERM: it is, but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `folder` whose name matches `pattern` (its first group is the pid of the
 * process that made it) and whose process is no longer running: leftovers of a killed run.
 */
export function removeStale(folder: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !isAlive(pid)) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

/** `text` matched as it is, in a RegExp (names of temporaries in removeStale patterns). */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A new folder `<folder>/<prefix>-<pid>-XXXXXX` for staging output, after removing those a killed
 * run left there; and the function that removes it (it is also removed on interruption).
 */
export function temporaryFolder(folder: string, prefix: string): [string, () => void] {
  removeStale(folder, new RegExp(`^${literal(prefix)}-(\\d+)-`));
  const tmp = mkdtempSync(path.join(folder, `${prefix}-${process.pid}-`));
  return [tmp, removeOnExit(tmp)];
}
