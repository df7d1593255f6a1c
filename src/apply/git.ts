/**
 * The few git commands that apply, status, drift and rollback need, run synchronously with the
 * repository's own configuration. Plumbing only: the user's working tree and index are never touched.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export class GitFailed extends Error {
  constructor(
    message: string,
    /** Everything git said on stderr (the message keeps its last line). */
    readonly stderr = '',
  ) {
    super(message);
  }
}

export interface GitOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Runs `git args` in `root`; stdout without its final newline; GitFailed with git's own words. */
export function git(root: string, args: string[], options: GitOptions = {}): string {
  try {
    return execFileSync('git', args, {
      cwd: root,
      input: options.input,
      env: options.env ?? process.env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'pipe'],
    }).replace(/\n$/, '');
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const said = (e.stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? e.message;
    throw new GitFailed(`git ${args[0]} failed: ${said}`, e.stderr ?? '');
  }
}

/** Like `git`, but undefined when git says no (an unknown ref, a missing note). */
export function gitMaybe(root: string, args: string[], options: GitOptions = {}): string | undefined {
  try {
    return git(root, args, options);
  } catch (error) {
    if (error instanceof GitFailed) return undefined;
    throw error;
  }
}

/** The commit a ref names, or undefined. */
export const resolveCommit = (root: string, ref: string): string | undefined => gitMaybe(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);

/** The remote that records are pushed to and fetched from: `origin`, when the repository has it. */
export function remoteOf(root: string): string | undefined {
  const remotes = (gitMaybe(root, ['remote']) ?? '').split('\n');
  return remotes.includes('origin') ? 'origin' : undefined;
}

/** Fetches refs from the remote, forced (they are tak's own records); refs the remote lacks are skipped. */
export function fetchRefs(root: string, remote: string, refs: string[]): void {
  for (const ref of refs) {
    if (gitMaybe(root, ['ls-remote', '--exit-code', remote, ref]) === undefined) continue;
    git(root, ['fetch', '--quiet', '--no-tags', remote, `+${ref}:${ref}`]);
  }
}

/** `git`'s object database as a place to write trees without an index of the user's. */
export function withTemporaryIndex<T>(root: string, fn: (env: NodeJS.ProcessEnv) => T): T {
  const gitDir = git(root, ['rev-parse', '--absolute-git-dir']);
  const index = `${gitDir}/tak-index-${process.pid}-${Date.now()}`;
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    return fn(env);
  } finally {
    rmSync(index, { force: true });
  }
}
