/**
 * The identity of the commits tak writes itself (order feed, rollback): the repository's own
 * user when it has one, otherwise `tak`, so that a CI runner without a git identity can still write.
 */
import { gitMaybe } from './git';

export function withIdentity(root: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (!gitMaybe(root, ['config', 'user.name'])) env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = env.GIT_AUTHOR_NAME ?? 'tak';
  if (!gitMaybe(root, ['config', 'user.email'])) env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = env.GIT_AUTHOR_EMAIL ?? 'tak@localhost';
  return env;
}
