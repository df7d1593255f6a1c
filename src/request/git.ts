/**
 * A request becomes a branch with one commit, made without touching the user's working tree, index
 * or current branch: the files are written as blobs, a tree is built from HEAD in a temporary index,
 * and the branch ref is created last, only if it does not exist yet (so two runs cannot race).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** The repository is not in a state a request can start from (no git, a dirty file, a taken branch). */
export class RequestRefused extends Error {}

/** A file's new content, or null to delete it (repository-relative paths). */
export type FileChanges = Map<string, string | null>;

export class RequestRepository {
  private constructor(
    private readonly git: SimpleGit,
    /** The repository root's path inside the git work tree (`` or `sub/`). */
    private readonly prefix: string,
    readonly top: string,
  ) {}

  static async open(root: string): Promise<RequestRepository> {
    const git = simpleGit(root);
    try {
      const top = (await git.revparse(['--show-toplevel'])).trim();
      const prefix = (await git.revparse(['--show-prefix'])).trim();
      await git.revparse(['--verify', 'HEAD^{commit}']);
      return new RequestRepository(simpleGit(top), prefix, top);
    } catch {
      throw new RequestRefused(`${root} is not a git repository with a commit; tak request makes a branch from HEAD, so run it in a clone of the repository`);
    }
  }

  /** Refuses a branch name git would refuse, or one that exists. */
  async checkBranch(branch: string): Promise<void> {
    try {
      await this.git.raw(['check-ref-format', '--branch', branch]);
    } catch {
      throw new RequestRefused(`${branch} is not a valid branch name; choose another with --branch`);
    }
    const exists = await this.git.raw(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then((out) => out.trim() !== '', () => false);
    if (exists) throw new RequestRefused(`branch ${branch} exists; name another with --branch, or delete it (git branch -D ${branch})`);
  }

  /**
   * Refuses when a file the request edits differs from HEAD in the working tree or the index: the
   * request starts from HEAD, and the user's own changes to that file must not be mixed in or lost.
   */
  async checkClean(files: Iterable<string>): Promise<void> {
    const paths = [...files].map((f) => this.prefix + f);
    if (!paths.length) return;
    const status = await this.git.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
    const dirty = status.split('\0').filter(Boolean).map((line) => line.slice(3)).filter((p) => paths.includes(p));
    if (dirty.length) {
      throw new RequestRefused(`${dirty.map((p) => p.slice(this.prefix.length)).join(', ')} ${dirty.length > 1 ? 'have' : 'has'} uncommitted changes; commit or stash them first (a request starts from the last commit and leaves your changes alone)`);
    }
  }

  /** Makes `branch` at a new commit on HEAD with `changes`; the working tree and index stay as they are. */
  async commit(branch: string, changes: FileChanges, message: string): Promise<string> {
    const scratch = mkdtempSync(path.join(tmpdir(), 'tak-request-'));
    try {
      const git = this.git.env({ ...plumbingEnvironment(), GIT_INDEX_FILE: path.join(scratch, 'index') });
      await git.raw(['read-tree', 'HEAD']);
      for (const [file, content] of changes) {
        const target = this.prefix + file;
        if (content === null) {
          await git.raw(['update-index', '--force-remove', '--', target]);
          continue;
        }
        const blobFile = path.join(scratch, 'blob');
        writeFileSync(blobFile, content);
        const blob = (await git.raw(['hash-object', '-w', `--path=${target}`, blobFile])).trim();
        await git.raw(['update-index', '--add', '--cacheinfo', `100644,${blob},${target}`]);
      }
      const tree = (await git.raw(['write-tree'])).trim();
      writeFileSync(path.join(scratch, 'message'), message);
      const commit = (await git.raw(['commit-tree', tree, '-p', 'HEAD', '-F', path.join(scratch, 'message')])).trim();
      // The empty old value makes git refuse when the branch appeared meanwhile.
      await git.raw(['update-ref', `refs/heads/${branch}`, commit, '']).catch(() => {
        throw new RequestRefused(`branch ${branch} was created meanwhile; run the request again with another --branch`);
      });
      return commit;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /** Pushes the branch to `origin` (for --open-pr). */
  async push(branch: string): Promise<void> {
    await this.git.raw(['push', '--set-upstream', 'origin', `refs/heads/${branch}:refs/heads/${branch}`]);
  }
}

/**
 * The environment for the plumbing commands: the user's, without the editor, pager and helper
 * programs (none of these commands runs one, and simple-git refuses to pass them on).
 */
function plumbingEnvironment(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/EDITOR|PAGER|ASKPASS|SSH_COMMAND|PROXY_COMMAND|EXEC_PATH|TEMPLATE_DIR|^GIT_CONFIG/.test(key)) out[key] = value;
  }
  return out;
}
