/**
 * `tak rollback --env E --to REF`: a branch with one commit on top of HEAD that puts
 * `environments/E/` back as it was at REF, so that its plan undoes E's changes since REF and Git
 * stays the source of truth (the rollback goes through review and apply like any change). Written
 * with plumbing: the working tree, the index and the current branch are left as they are. Shared
 * declarations (`config/`) serve every environment and are kept; the result says when they changed.
 */
import { git, gitMaybe, resolveCommit, withTemporaryIndex } from './git';
import { withIdentity } from './identity';

export interface RollbackResult {
  branch: string;
  commit?: string;
  /** config/ differs between REF and HEAD (kept as at HEAD). */
  sharedChanged: boolean;
}

/** The ref or branch is not usable: exit 2, nothing written. */
export class RollbackRefused extends Error {}

export function writeRollback(root: string, env: string, to: string, branchName?: string): RollbackResult {
  const head = resolveCommit(root, 'HEAD');
  const target = to.startsWith('-') ? undefined : resolveCommit(root, to);
  if (!head) throw new RollbackRefused(`${root} has no commit to roll back from`);
  if (!target) throw new RollbackRefused(`${to} is not a revision of this repository; name a commit, tag or branch (e.g. refs/tak/applied/${env}~1)`);
  const branch = branchName ?? `tak/rollback/${env}-${target.slice(0, 12)}`;
  if (resolveCommit(root, `refs/heads/${branch}`)) throw new RollbackRefused(`the branch ${branch} exists already; delete it (git branch -D ${branch}) or name another with --branch`);
  const folder = `environments/${env}`;
  const sharedChanged = gitMaybe(root, ['diff', '--quiet', target, head, '--', 'config']) === undefined;
  const tree = withTemporaryIndex(root, (variables) => {
    git(root, ['read-tree', head], { env: variables });
    git(root, ['rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', folder], { env: variables });
    if (gitMaybe(root, ['rev-parse', '--verify', '--quiet', `${target}:${folder}`])) git(root, ['read-tree', `--prefix=${folder}/`, `${target}:${folder}`], { env: variables });
    return git(root, ['write-tree'], { env: variables });
  });
  if (tree === git(root, ['rev-parse', `${head}^{tree}`])) return { branch, sharedChanged };
  const message = `Roll back ${env} to ${target.slice(0, 12)}\n\nPuts ${folder}/ back as it was at ${target} (${to}).\n`;
  const commit = git(root, ['commit-tree', tree, '-p', head, '-F', '-'], { input: message, env: withIdentity(root) });
  git(root, ['update-ref', `refs/heads/${branch}`, commit, '0'.repeat(40)]);
  return { branch, commit, sharedChanged };
}
