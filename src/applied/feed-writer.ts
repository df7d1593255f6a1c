/**
 * Publishes an environment's orders into its order feed, where the platform's catalog fetches each
 * by number (`GET <base URL><number>`, served by `tak serve` or any HTTPS server): `<env>/<n>.json`
 * on a branch of the repository (default `tak/orders`, committed with git plumbing so the working
 * tree and index are never touched, and pushed when the repository has a remote) or in a folder.
 * Numbers go up by one per environment and are never reused; an order that is already the latest
 * of its environment (the same change, e.g. an apply run again after a failure) is not published twice.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EnvironmentDecl } from '../model/schemas';
import { fetchRefs, git, gitMaybe, resolveCommit, withTemporaryIndex } from '../apply/git';
import { withIdentity } from '../apply/identity';
import { DEFAULT_ORDER_FEED_BRANCH, orderFeedPath } from './index';

export type OrderFeed = { kind: 'branch'; branch: string } | { kind: 'folder'; path: string };

/** The feed `environment.yaml` names (a folder relative to the repository root), or the default branch. */
export function orderFeedOf(environment: Pick<EnvironmentDecl, 'orderFeed'> | undefined, root: string): OrderFeed {
  const feed = environment?.orderFeed;
  if (feed && 'path' in feed) return { kind: 'folder', path: path.resolve(root, feed.path) };
  return { kind: 'branch', branch: feed?.branch ?? DEFAULT_ORDER_FEED_BRANCH };
}

export const describeFeed = (feed: OrderFeed): string => (feed.kind === 'branch' ? `branch ${feed.branch}` : `folder ${feed.path}`);

export interface Published {
  number: number;
  /** Where it is, e.g. `branch tak/orders: test/4.json`. */
  location: string;
  /** It was already the latest order of the environment, so nothing was written. */
  already: boolean;
}

export interface FeedContext {
  root: string;
  /** The remote to fetch the branch from first and push it to after (absent: local only). */
  remote?: string;
}

const NUMBERED = /^(\d+)\.json$/;

/** The order numbers `env` has in the feed, ascending. */
export function orderNumbers(feed: OrderFeed, env: string, context: FeedContext): number[] {
  const names =
    feed.kind === 'folder'
      ? existsSync(path.join(feed.path, env)) ? readdirSync(path.join(feed.path, env)) : []
      : branchNames(context.root, feed.branch, env);
  return names.map((n) => NUMBERED.exec(n)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
}

function branchNames(root: string, branch: string, env: string): string[] {
  if (!resolveCommit(root, `refs/heads/${branch}`)) return [];
  const listed = gitMaybe(root, ['ls-tree', '--name-only', `refs/heads/${branch}`, `${env}/`]) ?? '';
  return listed.split('\n').filter(Boolean).map((p) => path.posix.basename(p));
}

/** The text of order `number` of `env`, or undefined. */
export function readFeedOrder(feed: OrderFeed, env: string, number: number, context: FeedContext): string | undefined {
  const file = orderFeedPath(env, number);
  if (feed.kind === 'folder') return existsSync(path.join(feed.path, file)) ? readFileSync(path.join(feed.path, file), 'utf8') : undefined;
  return gitMaybe(context.root, ['cat-file', 'blob', `refs/heads/${feed.branch}:${file}`]);
}

/** The number the next order of `env` gets (what a dry run shows; fetch first when there is a remote). */
export function nextOrderNumber(feed: OrderFeed, env: string, context: FeedContext): number {
  return (orderNumbers(feed, env, context).pop() ?? 0) + 1;
}

/** Brings the feed branch up to date with the remote's, so that numbers follow the published ones. */
export function refreshFeed(feed: OrderFeed, context: FeedContext): void {
  if (feed.kind === 'branch' && context.remote) fetchRefs(context.root, context.remote, [`refs/heads/${feed.branch}`]);
}

/**
 * Publishes `text` (an order, JSON) as the next order of `env`; `sameChange` tells whether an
 * earlier order's text carries the same change, in which case that one is kept and its number returned.
 */
export function publishOrder(feed: OrderFeed, env: string, text: string, sameChange: (earlier: string) => boolean, context: FeedContext): Published {
  refreshFeed(feed, context);
  const last = orderNumbers(feed, env, context).pop();
  const earlier = last === undefined ? undefined : readFeedOrder(feed, env, last, context);
  if (last !== undefined && earlier !== undefined && sameChange(earlier)) {
    return { number: last, location: `${describeFeed(feed)}: ${orderFeedPath(env, last)}`, already: true };
  }
  const number = (last ?? 0) + 1;
  if (feed.kind === 'folder') writeExclusive(path.join(feed.path, orderFeedPath(env, number)), text);
  else commitToBranch(context, feed.branch, orderFeedPath(env, number), text, `order ${number} of ${env}`);
  return { number, location: `${describeFeed(feed)}: ${orderFeedPath(env, number)}`, already: false };
}

/** Written whole under a temporary name, then linked into place: an existing number is never replaced. */
function writeExclusive(target: string, text: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  try {
    linkSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** One commit on `branch` that adds `file`; the branch moves only if nobody moved it meanwhile; then pushed. */
function commitToBranch(context: FeedContext, branch: string, file: string, text: string, message: string): void {
  const { root, remote } = context;
  const ref = `refs/heads/${branch}`;
  const parent = resolveCommit(root, ref);
  const blob = git(root, ['hash-object', '-w', '--stdin'], { input: text });
  const tree = withTemporaryIndex(root, (env) => {
    git(root, parent ? ['read-tree', parent] : ['read-tree', '--empty'], { env });
    git(root, ['update-index', '--add', '--cacheinfo', `100644,${blob},${file}`], { env });
    return git(root, ['write-tree'], { env });
  });
  const commit = git(root, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], { env: withIdentity(root) });
  git(root, ['update-ref', '-m', message, ref, commit, parent ?? '0'.repeat(40)]);
  if (remote) git(root, ['push', '--quiet', remote, `${ref}:${ref}`]);
}
