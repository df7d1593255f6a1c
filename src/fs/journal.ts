/**
 * Changes to many files in a repository (an import), all or nothing even when the process is killed:
 *
 * 1. every new file is written under `.tak-pending/files/` (same file system: moves are renames);
 * 2. `.tak-pending/journal.json` is written whole (a temporary name, then a rename): the commit point;
 * 3. each staged file is renamed over its target (a rename replaces a file whole), then the files
 *    to remove are removed: never an old file before every new one is in place;
 * 4. the journal, then `.tak-pending/`, are removed.
 *
 * A run killed before 2 left only `.tak-pending/` without a journal: the next run removes it (rolled
 * back; nothing in the repository was touched). A run killed after 2 is finished by the next run
 * (rolled forward: every step is idempotent). The caller holds the repository's lock.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { onExit } from '../cleanup';
import { acquireLock, withLock } from './lock';

export const PENDING = '.tak-pending';

/** The lock of the repository at `root`, taken by the commands that write into it. */
const repositoryLock = (root: string) => path.join(root, '.tak.lock');

/** Runs `fn` (a command that reads the repository and then writes into it) holding its lock. */
export const withRepositoryLock = <T>(root: string, what: string, fn: () => Promise<T>) => withLock(repositoryLock(root), what, fn);

export interface FileChanges {
  /** Repository path -> new content. */
  write: Map<string, string>;
  /** Repository paths to remove once everything is written. */
  remove: string[];
}

interface Journal {
  write: string[];
  remove: string[];
}

const pendingDir = (root: string) => path.join(root, PENDING);
const journalFile = (root: string) => path.join(pendingDir(root), 'journal.json');
const staged = (root: string, file: string) => path.join(pendingDir(root), 'files', file);

/** Carries out `changes` in `root` as one whole (see above). */
export function commitChanges(root: string, changes: FileChanges): void {
  finishInterrupted(root);
  const dir = pendingDir(root);
  mkdirSync(dir);
  // Until the commit point, an interruption or an error leaves the repository as it was.
  const rollBack = () => rmSync(dir, { recursive: true, force: true });
  const unregister = onExit(rollBack);
  const journal: Journal = { write: [...changes.write.keys()], remove: changes.remove.filter((f) => !changes.write.has(f)) };
  try {
    for (const [file, content] of changes.write) {
      const to = staged(root, file);
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, content);
    }
    const tmp = `${journalFile(root)}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(journal)}\n`);
    unregister();
    renameSync(tmp, journalFile(root));
  } catch (error) {
    unregister();
    rollBack();
    throw error;
  }
  rollForward(root, journal);
}

/**
 * Finishes what a killed run left in `root`: rolls it forward when it had reached its commit
 * point, removes it otherwise. Returns what it did, for a note to the user.
 */
export function finishInterrupted(root: string): 'rolled forward' | 'rolled back' | undefined {
  const dir = pendingDir(root);
  if (!existsSync(dir)) return undefined;
  if (!existsSync(journalFile(root))) {
    rmSync(dir, { recursive: true, force: true });
    return 'rolled back';
  }
  rollForward(root, JSON.parse(readFileSync(journalFile(root), 'utf8')) as Journal);
  return 'rolled forward';
}

/**
 * What a command that reads the repository does first: finish a change that a killed run left
 * (under the repository's lock: not while that run is still going). A note for the user, if any.
 */
export function recoverRepository(root: string): string | undefined {
  if (!existsSync(pendingDir(root))) return undefined;
  const release = acquireLock(repositoryLock(root), 'tak finishing an interrupted import');
  try {
    const done = finishInterrupted(root);
    return done && `an interrupted import into ${root} was found and ${done}`;
  } finally {
    release();
  }
}

function rollForward(root: string, journal: Journal): void {
  for (const file of journal.write) {
    const from = staged(root, file);
    if (!existsSync(from)) continue; // moved already, by the run that was killed
    const to = path.join(root, file);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
  }
  for (const file of journal.remove) rmSync(path.join(root, file), { force: true });
  rmSync(journalFile(root), { force: true });
  rmSync(pendingDir(root), { recursive: true, force: true });
}
