/** Git repositories for plan tests: their own identity, no global configuration, no network. */
import { execFileSync } from 'node:child_process';

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** `git init` with a local user, and everything in `root` committed. */
export function commitAll(root: string, message = 'base'): string {
  try {
    git(root, 'rev-parse', '--git-dir');
  } catch {
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.name', 'Plan Test');
    git(root, 'config', 'user.email', 'plan-test@example.se');
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}
