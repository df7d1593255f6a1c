/**
 * The record of what is live, in Git: `refs/tak/applied/<env>` names the applied commit, and the
 * note on that commit under `refs/notes/tak-applied` holds one `AppliedRecord` per environment
 * applied at that commit (a JSON object by environment name: test and qa often run the same commit).
 * Written last, pushed when the repository has a remote; when the push fails the local refs are put
 * back, so a failed apply records nothing anywhere.
 */
import { APPLIED_NOTES_REF, appliedRef, type AppliedRecord } from '../applied';
import { fetchRefs, git, GitFailed, gitMaybe, resolveCommit } from './git';
import { withIdentity } from './identity';

/** The last drift check of an environment, kept in its record. */
export interface DriftCheck {
  checkedAt: string;
  clean: boolean;
  /** How many differences were found (0 when clean). */
  differences: number;
}

/** What apply keeps about one environment: the shared record plus the order endpoint's answer and the last drift check. */
export interface EnvironmentRecord extends AppliedRecord {
  orderResponse?: { status: number; body: string };
  drift?: DriftCheck;
}

export type AppliedNote = Record<string, EnvironmentRecord>;

/** The applied commit of `env`, or undefined before its first apply. */
export const appliedCommit = (root: string, env: string): string | undefined => resolveCommit(root, appliedRef(env));

/** The records in the note on `commit` (none: an empty object). */
export function readNote(root: string, commit: string): AppliedNote {
  const text = gitMaybe(root, ['notes', `--ref=${APPLIED_NOTES_REF}`, 'show', commit]);
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as AppliedNote) : {};
  } catch {
    return {};
  }
}

/** The record of `env`'s applied commit, if any. */
export function readRecord(root: string, env: string): EnvironmentRecord | undefined {
  const commit = appliedCommit(root, env);
  return commit ? readNote(root, commit)[env] : undefined;
}

/** Brings the records up to date with the remote's before they are read or written. */
export function refreshRecords(root: string, remote: string | undefined, envs: string[]): void {
  if (remote) fetchRefs(root, remote, [APPLIED_NOTES_REF, ...envs.map(appliedRef)]);
}

/**
 * Writes the record (note, then ref) and pushes both; on any failure the local refs are as before.
 * A push refused because another run added a note meanwhile (a drift check, another environment)
 * is tried again on top of the remote's notes.
 */
export function writeRecord(root: string, record: EnvironmentRecord, remote: string | undefined, attempts = 3): void {
  const ref = appliedRef(record.env);
  const before = { ref: resolveCommit(root, ref), notes: resolveCommit(root, APPLIED_NOTES_REF) };
  try {
    writeNote(root, record.commit, { ...readNote(root, record.commit), [record.env]: record });
    git(root, ['update-ref', '-m', `tak apply ${record.env}`, ref, record.commit]);
    // The applied ref may move back (an apply with --allow-rollback): forced; the notes never are.
    if (remote) git(root, ['push', '--quiet', remote, `+${ref}:${ref}`, `${APPLIED_NOTES_REF}:${APPLIED_NOTES_REF}`]);
  } catch (error) {
    restore(root, ref, before.ref);
    restore(root, APPLIED_NOTES_REF, before.notes);
    if (!remote || attempts <= 1 || !(error instanceof GitFailed && /\[rejected\]/.test(error.stderr))) throw error;
    fetchRefs(root, remote, [APPLIED_NOTES_REF]);
    writeRecord(root, record, remote, attempts - 1);
  }
}

/** Keeps a drift check in the record of `env`'s applied commit (and pushes the notes). */
export function recordDrift(root: string, env: string, drift: DriftCheck, remote: string | undefined): void {
  const commit = appliedCommit(root, env);
  if (!commit) return;
  const note = readNote(root, commit);
  if (!note[env]) return;
  writeNote(root, commit, { ...note, [env]: { ...note[env], drift } });
  if (remote) git(root, ['push', '--quiet', remote, `${APPLIED_NOTES_REF}:${APPLIED_NOTES_REF}`]);
}

function writeNote(root: string, commit: string, note: AppliedNote): void {
  const text = `${JSON.stringify(note, null, 2)}\n`;
  git(root, ['notes', `--ref=${APPLIED_NOTES_REF}`, 'add', '-f', '-F', '-', commit], { input: text, env: withIdentity(root) });
}

function restore(root: string, ref: string, commit: string | undefined): void {
  if (commit) gitMaybe(root, ['update-ref', ref, commit]);
  else gitMaybe(root, ['update-ref', '-d', ref]);
}
