/**
 * The parse of declaration files kept between runs of `tak plan`, keyed by content hash (path and
 * bytes), in one file under the repository's git folder (`.git/tak/parse-cache.json`: never in the
 * working tree, never committed). A plan of a small change then parses only the files that changed.
 * Only what the fast reader read is kept (value and node offsets; files left to the `yaml` package
 * are parsed each time), and a cache that is missing, unreadable or of another version is ignored
 * and rewritten.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CachedParse, ParseCache } from './index';
import type { Offsets } from './event-yaml';
import { version as takVersion } from '../../package.json';

/** A cache written by another version of tak may hold values its reader no longer gives. */
const VERSION = `3/${takVersion}`;

interface CacheFile {
  version: string;
  values: Record<string, Pick<CachedParse, 'value' | 'keys' | 'keyInBytes'> & { offsets: Offsets }>;
}

export interface PersistentParseCache {
  /** For `loadRepository`: the values of earlier runs, and what this run parses. */
  cache: ParseCache;
  /** Writes what this run used (so that files no longer in either revision drop out). */
  save(): void;
}

/** The cache of the git repository at `root`; without git (or a git folder we may write), one for this run only. */
export function openParseCache(root: string): PersistentParseCache {
  const cache: ParseCache = new Map();
  const file = cacheFile(root);
  if (!file) return { cache, save: () => undefined };
  const stored = Object.entries(readCache(file));
  for (const [hash, { value, offsets, keys, keyInBytes }] of stored) cache.set(hash, { value, offsets, keys: keys ?? [], keyInBytes, diagnostics: [] });
  const before = new Set(stored.map(([hash]) => hash));
  return { cache, save: () => changed(cache, before) && writeCache(file, cache) };
}

/** Whether this run would write other entries than the file holds: else the file is left as it is. */
function changed(cache: ParseCache, before: ReadonlySet<string>): boolean {
  let kept = 0;
  for (const [hash, entry] of cache) {
    if (entry.offsets === undefined || !entry.used) continue;
    if (!before.has(hash)) return true;
    kept++;
  }
  return kept !== before.size;
}

function cacheFile(root: string): string | undefined {
  try {
    const gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return gitDir ? path.join(gitDir, 'tak', 'parse-cache.json') : undefined;
  } catch {
    return undefined;
  }
}

function readCache(file: string): CacheFile['values'] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return parsed.version === VERSION && parsed.values && typeof parsed.values === 'object' ? parsed.values : {};
  } catch {
    return {};
  }
}

/** Written to a temporary name and renamed, so that a killed run leaves the old cache or the new one. */
function writeCache(file: string, cache: ParseCache): boolean {
  const values: CacheFile['values'] = {};
  for (const [hash, entry] of cache) if (entry.offsets !== undefined && entry.used) values[hash] = { value: entry.value, offsets: entry.offsets, keys: entry.keys, keyInBytes: entry.keyInBytes };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, JSON.stringify({ version: VERSION, values } satisfies CacheFile));
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true }); // a cache is an optimisation: a read-only .git/ only costs speed
    return false;
  }
}
