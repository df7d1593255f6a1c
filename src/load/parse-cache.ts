/**
 * The parse of declaration files kept between runs of `tak plan`, keyed by content hash (path and
 * bytes), in one file under the repository's git folder (`.git/tak/parse-cache.json`: never in the
 * working tree, never committed). A plan of a small change then parses only the files that changed.
 * Only what the fast reader read is kept, and only its value: positions are found again from the
 * text when asked, and files left to the `yaml` package are parsed each time. A file that passed its
 * schema is kept as the declaration the schema gave, so that the next run does not validate it again.
 * A cache that is missing, unreadable or written by other code is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CachedParse, ParseCache } from './index';
import { declarationOf } from '../parse';
import { version as takVersion } from '../../package.json';

/**
 * The code that shapes what the cache holds (the readers, the model's schemas, validation): a
 * cache written by other code may hold values this code would not give, so it is not read.
 */
function codeFingerprint(): string {
  const hash = createHash('sha1').update(takVersion);
  for (const dir of [__dirname, path.join(__dirname, '..', 'model'), path.join(__dirname, '..', 'parse')]) {
    for (const name of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(path.join(dir, name)));
  }
  return hash.digest('hex');
}

let version: string | undefined;
/** The cache's version: computed when a cache is first read or written, not by every command that loads this module (`--no-cache`). */
const cacheVersion = () => (version ??= `7/${codeFingerprint()}`);

interface CacheFile {
  version: string;
  /** Without positions: a run asks for the lines of very few files, which read their text again for them. */
  values: Record<string, Pick<CachedParse, 'value' | 'keys' | 'keyInBytes' | 'validated'>>;
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
  for (const [hash, { value, keys, keyInBytes, validated }] of stored) cache.set(hash, { value, fast: true, keys: keys ?? [], keyInBytes, validated, diagnostics: [] });
  const before = new Set(stored.map(([hash]) => hash));
  return { cache, save: () => changed(cache, before) && writeCache(file, cache) };
}

/** What the file keeps: parses of the fast reader that this run used. */
const kept = (entry: CachedParse) => entry.fast === true && entry.used === true;

/** Whether this run would write other entries than the file holds: else the file is left as it is. */
function changed(cache: ParseCache, before: ReadonlySet<string>): boolean {
  let count = 0;
  for (const [hash, entry] of cache) {
    if (!kept(entry)) continue;
    if (!before.has(hash)) return true;
    count++;
  }
  return count !== before.size;
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
    const parsed = JSON.parse(readFileSync(file, 'latin1')) as CacheFile;
    return parsed.version === cacheVersion() && parsed.values && typeof parsed.values === 'object' ? parsed.values : {};
  } catch {
    return {};
  }
}

/**
 * JSON with every character past ASCII escaped (\u00e5), which is still the same JSON: read back as
 * latin1, it decodes with a copy where UTF-8 decoding of a large cache full of å, ä and ö takes four times
 * as long, and the text it gives is one byte per character.
 */
function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => {
    let escaped = escapes.get(c);
    if (escaped === undefined) escapes.set(c, (escaped = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return escaped;
  });
}

/** Each character's escape, made once: a catalog repeats the same few letters a hundred thousand times. */
const escapes = new Map<string, string>();

/** Written to a temporary name and renamed, so that a killed run leaves the old cache or the new one. */
function writeCache(file: string, cache: ParseCache): boolean {
  const values: CacheFile['values'] = {};
  for (const [hash, entry] of cache) {
    if (!kept(entry)) continue;
    const declaration = declarationOf(entry.value);
    const value = declaration === undefined ? { value: entry.value } : { value: declaration, validated: true };
    values[hash] = { ...value, keys: entry.keys, keyInBytes: entry.keyInBytes };
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, asciiOnly(JSON.stringify({ version: cacheVersion(), values } satisfies CacheFile)));
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true }); // a cache is an optimisation: a read-only .git/ only costs speed
    return false;
  }
}
