/**
 * What changed in the last applied commits of an environment, where that record exists: the
 * commits under `refs/tak/applied/<env>` that carry an `AppliedRecord` note, newest first, each with
 * the commits it brought since the one applied before it. Absent records give an empty list.
 */
import { simpleGit } from 'simple-git';
import { APPLIED_NOTES_REF, appliedRef, type AppliedRecord } from '../applied';

export interface AppliedChange {
  record: AppliedRecord;
  subject: string;
  /** Subjects of the commits since the previous apply (this one's included), newest first. */
  commits: string[];
}

export async function appliedHistory(root: string, env: string, max = 5): Promise<AppliedChange[]> {
  const git = simpleGit(root);
  let log: string;
  try {
    await git.raw(['rev-parse', '--verify', '--quiet', `${appliedRef(env)}^{commit}`]);
    log = await git.raw(['log', `--notes=${APPLIED_NOTES_REF}`, '--format=%H%x1f%s%x1f%N%x1e', appliedRef(env)]);
  } catch {
    return [];
  }
  const applied: { sha: string; subject: string; record: AppliedRecord }[] = [];
  for (const entry of log.split('\x1e')) {
    const [sha, subject, note] = entry.trim().split('\x1f');
    if (!sha || !note?.trim()) continue;
    try {
      const record = JSON.parse(note) as AppliedRecord;
      if (record.env === env) applied.push({ sha, subject, record });
    } catch {
      // A note that is not a record is someone else's; it says nothing about applies.
    }
    if (applied.length > max) break;
  }
  const out: AppliedChange[] = [];
  for (let i = 0; i < Math.min(max, applied.length); i++) {
    const range = applied[i + 1] ? `${applied[i + 1].sha}..${applied[i].sha}` : applied[i].sha;
    const commits = (await git.raw(['log', '--format=%s', '-n', '50', range])).split('\n').filter(Boolean);
    out.push({ record: applied[i].record, subject: applied[i].subject, commits });
  }
  return out;
}
