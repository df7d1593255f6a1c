/**
 * Outputs replaced whole, and only what tak wrote:
 *
 * - A file is written under a temporary name beside it and renamed over the target: a reader sees
 *   the old file or the new one. Only a regular file is ever replaced (not a folder, a link, a FIFO
 *   or a device), and only when the caller was told to (`--force`).
 * - A folder is built beside the target and swapped in with two renames. The target's manifest
 *   (`.tak-outputs`, listing the files tak wrote there) says what is tak's: those files are replaced
 *   or dropped, everything else in the folder (a user's notes, terraform's state, `.terraform/`) is
 *   carried into the new folder as hard links, so it is neither copied nor lost. A folder without a
 *   manifest that is not empty was not written by tak and is refused.
 *
 * Leftovers of a killed run carry its pid: its temporaries are removed by the next run, and a folder
 * it had moved aside but not yet replaced is moved back (the old output, whole).
 */
import { createWriteStream, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import { isAlive, literal, removeOnExit, removeStale } from '../cleanup';

/** An output is in the way: the message says which and what to do. */
export class OutputExists extends Error {}

export const MANIFEST = '.tak-outputs';

/** What a path is, in words, when it is not what tak may replace. */
function kindOf(target: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(target);
  } catch (error) {
    // Not there, or a file where a folder on its path should be (making that folder says so).
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'folder';
  if (stat.isSymbolicLink()) return 'symbolic link';
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  return 'device';
}

/** Throws unless `target` is absent, or a regular file and `force` was given. */
export function checkReplaceable(target: string, force: boolean): void {
  const kind = kindOf(target);
  if (kind && kind !== 'file') throw new OutputExists(`${target} is a ${kind}; tak replaces only regular files: name a file`);
  if (kind && !force) throw new OutputExists(`${target} exists; pass --force to replace it`);
}

/** Checks that `target` may be replaced, sweeps a killed run's temporary, and names this run's. */
function temporaryFor(target: string, force: boolean): string {
  checkReplaceable(target, force);
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const name = path.basename(target);
  removeStale(dir, new RegExp(`^\\.${literal(name)}\\.(\\d+)\\.tmp$`));
  return path.join(dir, `.${name}.${process.pid}.tmp`);
}

/** Writes `text` to the file `target`; an existing regular file is replaced only with `force`, anything else never. */
export function replaceFileSync(target: string, text: string, force: boolean): void {
  const tmp = temporaryFor(target, force);
  const removeTmp = removeOnExit(tmp);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } finally {
    removeTmp();
  }
}

/** As replaceFileSync, also for pieces of text (outputs larger than one string may be). */
export async function replaceFile(target: string, content: string | Iterable<string>, force: boolean): Promise<void> {
  if (typeof content === 'string') return replaceFileSync(target, content, force);
  const tmp = temporaryFor(target, force);
  const removeTmp = removeOnExit(tmp);
  try {
    const out = createWriteStream(tmp);
    for (const piece of content) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    renameSync(tmp, target);
  } finally {
    removeTmp();
  }
}

export interface FolderOptions {
  /** Replace an earlier output of tak's (its manifest's files); without it an existing output is refused. */
  force: boolean;
  /** What wrote it ("tak synth"), recorded in the manifest. */
  writtenBy: string;
}

interface Manifest {
  writtenBy: string;
  files: string[];
}

/**
 * Replaces the folder `target` with what `fill` writes into the (empty) folder it is given; files
 * in the target that tak did not write are kept. Returns them (folder-relative), for the report.
 */
export function replaceFolder(target: string, fill: (folder: string) => void, options: FolderOptions): string[] {
  const dir = path.dirname(target);
  const name = path.basename(target);
  mkdirSync(dir, { recursive: true });
  recoverFolder(target);
  const previous = earlierOutput(target, options.force);
  const staging = mkdtempSync(path.join(dir, `.${name}.new-${process.pid}-`));
  const removeStaging = removeOnExit(staging);
  try {
    fill(staging);
    const files = listFiles(staging);
    const manifest: Manifest = { writtenBy: options.writtenBy, files };
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const kept = previous ? carryOver(target, staging, new Set([...previous.files, MANIFEST]), new Set(files)) : [];
    swap(staging, target);
    return kept;
  } finally {
    removeStaging();
  }
}

/** The manifest of the output at `target`, undefined when there is none yet; throws when in the way. */
function earlierOutput(target: string, force: boolean): Manifest | undefined {
  const kind = kindOf(target);
  if (!kind) return undefined;
  if (kind !== 'folder') throw new OutputExists(`${target} is a ${kind}; name a new folder`);
  const entries = readdirSync(target);
  const manifestFile = path.join(target, MANIFEST);
  if (!existsSync(manifestFile)) {
    if (entries.length === 0) return undefined;
    throw new OutputExists(`${target} is a folder that tak did not write (it has no ${MANIFEST}); name a new folder, or move it away`);
  }
  if (!force) throw new OutputExists(`${target} exists; pass --force to replace it`);
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (Array.isArray(manifest.files) && manifest.files.every((f) => typeof f === 'string')) return manifest;
  } catch {
    // Reported below.
  }
  throw new OutputExists(`${manifestFile} cannot be read; restore it, or move ${target} away`);
}

/** The regular files under `folder`, folder-relative with `/`, sorted. */
function listFiles(folder: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(folder, rel), { withFileTypes: true })) {
    const file = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(folder, file));
    else out.push(file);
  }
  return out.sort();
}

/**
 * Hard-links into `staging` every entry of `target` that is not tak's (`ours`), so that the swap
 * keeps it; a file of the user's where the new output has one of the same name is refused.
 */
function carryOver(target: string, staging: string, ours: Set<string>, fresh: Set<string>): string[] {
  const kept: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(target, rel), { withFileTypes: true })) {
      const file = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        mkdirSync(path.join(staging, file), { recursive: true });
        walk(file);
      } else if (!ours.has(file)) {
        if (fresh.has(file)) throw new OutputExists(`${path.join(target, file)} was not written by tak and is in the way of its output; move it away`);
        linkSync(path.join(target, file), path.join(staging, file));
        kept.push(file);
      }
    }
  };
  walk('');
  return kept;
}

/** `.<name>.old-<pid>`: where the folder being replaced waits while the new one is renamed in. */
const aside = (target: string, pid: number) => path.join(path.dirname(target), `.${path.basename(target)}.old-${pid}`);

/** Puts `from` at `to` with renames only: the old folder is moved aside, the new one in, the old removed. */
function swap(from: string, to: string): void {
  const old = aside(to, process.pid);
  const hadOld = existsSync(to);
  if (hadOld) renameSync(to, old);
  renameSync(from, to);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/**
 * After a killed run: its staging folders are removed, a folder it had moved aside is moved back
 * when no new one took its place (the old output, whole), and removed otherwise. Also sweeps the
 * `<name>.old-<pid>` folders that earlier versions left beside the output.
 */
export function recoverFolder(target: string): void {
  const dir = path.dirname(target);
  const name = literal(path.basename(target));
  removeStale(dir, new RegExp(`^\\.${name}\\.new-(\\d+)-`));
  for (const entry of readdirSync(dir)) {
    const pid = Number(new RegExp(`^\\.?${name}\\.old-(\\d+)$`).exec(entry)?.[1]);
    if (!(pid > 0) || pid === process.pid || isAlive(pid)) continue;
    if (existsSync(target)) rmSync(path.join(dir, entry), { recursive: true, force: true });
    else renameSync(path.join(dir, entry), target);
  }
}
