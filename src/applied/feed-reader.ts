/**
 * Reads an order feed: the published orders of each environment, `<env>/<number>.json`, kept on a
 * branch of the repository (default `tak/orders`) or in a folder (`orderFeed: { path: DIR }` in
 * environment.yaml, relative to the repository root). A branch is read from the object database at
 * its current commit, so a newly published order is served without a checkout.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { EnvironmentDecl } from '../model/schemas';
import { DEFAULT_ORDER_FEED_BRANCH, orderFeedPath } from './index';

const run = promisify(execFile);

export type OrderFeedConfig = EnvironmentDecl['orderFeed'];

export interface OrderFeedReader {
  /** Where the feed is, for messages (`branch tak/orders`, `folder /srv/orders`). */
  readonly label: string;
  /** The bytes of order `number` of `env`, or undefined when there is none. */
  readOrder(env: string, number: number): Promise<Buffer | undefined>;
  /** The numbers of `env`'s published orders, ascending. */
  list(env: string): Promise<number[]>;
}

/** An order number as it appears in a URL or a file name: a positive integer, nothing else. */
export function parseOrderNumber(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The reader of an environment's configured feed (a branch by default) in the repository at `root`. */
export function openOrderFeed(root: string, config: OrderFeedConfig): OrderFeedReader {
  if (config && 'path' in config) return new FolderFeed(path.resolve(root, config.path));
  return new BranchFeed(root, config?.branch ?? DEFAULT_ORDER_FEED_BRANCH);
}

const numbersIn = (names: string[]) =>
  names
    .map((name) => (name.endsWith('.json') ? parseOrderNumber(name.slice(0, -'.json'.length)) : undefined))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);

class FolderFeed implements OrderFeedReader {
  readonly label: string;

  constructor(private readonly dir: string) {
    this.label = `folder ${dir}`;
  }

  async readOrder(env: string, number: number): Promise<Buffer | undefined> {
    return readFile(path.join(this.dir, orderFeedPath(env, number))).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
  }

  async list(env: string): Promise<number[]> {
    return numbersIn(await readdir(path.join(this.dir, env)).catch(() => []));
  }
}

class BranchFeed implements OrderFeedReader {
  readonly label: string;

  constructor(
    private readonly root: string,
    private readonly branch: string,
  ) {
    this.label = `branch ${branch}`;
  }

  async readOrder(env: string, number: number): Promise<Buffer | undefined> {
    const commit = await this.commit();
    if (!commit) return undefined;
    try {
      const { stdout } = await run('git', ['cat-file', 'blob', `${commit}:${orderFeedPath(env, number)}`], {
        cwd: this.root,
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch {
      return undefined;
    }
  }

  async list(env: string): Promise<number[]> {
    const commit = await this.commit();
    if (!commit) return [];
    const { stdout } = await run('git', ['ls-tree', '-z', '--name-only', `${commit}:${env}`], { cwd: this.root }).catch(() => ({ stdout: '' }));
    return numbersIn(stdout.split('\0'));
  }

  /** The branch's current commit (a local branch first, then any ref of that name), or undefined. */
  private async commit(): Promise<string | undefined> {
    for (const ref of [`refs/heads/${this.branch}`, this.branch]) {
      if (ref.startsWith('-')) continue;
      const out = await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: this.root }).catch(() => undefined);
      if (out?.stdout.trim()) return out.stdout.trim();
    }
    return undefined;
  }
}
