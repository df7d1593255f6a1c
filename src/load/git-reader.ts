/**
 * A `RepositoryReader` over a git revision (for `tak plan --base REF`): files are listed and read
 * from the object database (`git ls-tree`, one `git cat-file --batch` for all blobs), so the user's
 * working tree and index are never touched.
 *
 * TypeScript declarations must be imported from a file on disk, and may import from anywhere in
 * their revision (`../../../src`, a CSV next to them). The first time one is needed, the whole
 * revision is extracted with `git archive` into `<git dir>/tak/revisions/<sha>-<pid>/`, out of the
 * working tree, with a link to the repository's `node_modules` so that its imports resolve as in the
 * working tree; `dispose()` removes it, and so does an interrupted command (src/cleanup.ts). Folders
 * left by a killed run are removed by the next.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { onExit, removeOnExit, removeStale } from '../cleanup';
import { DECLARATION_ROOTS, UnreadableFile, type RepositoryReader } from './reader';

/** The revision cannot be read at all (unknown ref, shallow clone, not a git repository). */
export class RevisionError extends Error {}

interface Entry {
  mode: string;
  object: string;
}

export class GitRevisionReader implements RepositoryReader {
  readonly label: string;
  private blobs?: Promise<Map<string, Buffer>>;
  private extracted?: Promise<string>;
  private removeExtracted?: () => void;

  private constructor(
    private readonly root: string,
    private readonly top: string,
    private readonly gitDir: string,
    private readonly prefix: string,
    readonly commit: string,
    ref: string,
    private readonly entries: Map<string, Entry>,
  ) {
    this.label = `${ref} (${commit.slice(0, 12)})`;
  }

  /** Resolves `ref` in the repository that contains `root`, with a clear message (naming the plan's `side`) when it cannot. */
  static async open(root: string, ref: string, side: 'base' | 'head' = 'base'): Promise<GitRevisionReader> {
    const git = simpleGit(root);
    let top: string;
    let prefix: string;
    let gitDir: string;
    try {
      top = (await git.revparse(['--show-toplevel'])).trim();
      prefix = (await git.revparse(['--show-prefix'])).trim();
      gitDir = (await git.revparse(['--absolute-git-dir'])).trim();
    } catch {
      throw new RevisionError(`${root} is not in a git repository; tak plan compares the declarations with a git revision`);
    }
    const commit = await resolveCommit(git, ref);
    if (!commit) {
      const shallow = (await git.revparse(['--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
      throw new RevisionError(
        shallow
          ? `the ${side} ${ref} is not in this shallow clone; fetch it (git fetch --unshallow, or fetch-depth: 0 in actions/checkout) and run again`
          : `the ${side} ${ref} is not a revision of this repository (git rev-parse ${ref} finds no commit); fetch it, or name a branch, tag or commit`,
      );
    }
    const entries = await listTree(simpleGit(top), commit, prefix);
    const reader = new GitRevisionReader(root, top, gitDir, prefix, commit, ref, entries);
    reader.prefetch();
    return reader;
  }

  /** A plan reads every file of the revision: git starts on them now, while the caller does other work. */
  private prefetch(): void {
    this.allBlobs().catch(() => undefined); // a failure is reported to the read that awaits it
  }

  async list(): Promise<string[]> {
    return [...this.entries.keys()].filter((f) => DECLARATION_ROOTS.some((r) => f.startsWith(`${r}/`))).sort();
  }

  async read(file: string): Promise<Buffer> {
    const entry = this.entries.get(file);
    if (!entry) throw new UnreadableFile(`is not in ${this.label}`);
    if (entry.mode === '120000') return this.read(await this.linkTarget(file));
    const bytes = (await this.allBlobs()).get(file);
    if (!bytes) throw new UnreadableFile(`cannot be read from ${this.label}`);
    return bytes;
  }

  async importPath(file: string): Promise<string> {
    if (this.entries.get(file)?.mode === '120000') await this.linkTarget(file);
    this.extracted ??= this.extract();
    return path.join(await this.extracted, file);
  }

  /** Removes the extracted revision, if one was needed. */
  async dispose(): Promise<void> {
    if (!this.extracted) return;
    await this.extracted.catch(() => undefined);
    this.removeExtracted?.();
    this.extracted = undefined;
    this.removeExtracted = undefined;
  }

  /** A symbolic link is followed only when it stays inside the repository, as in the working tree. */
  private async linkTarget(file: string): Promise<string> {
    const target = (await this.allBlobs()).get(file)!.toString('utf8');
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    if (path.posix.isAbsolute(target) || resolved.startsWith('../') || !this.entries.has(resolved)) {
      throw new UnreadableFile(`is a link to ${target}, outside the repository (or to nothing); copy the file in instead`);
    }
    return resolved;
  }

  private allBlobs(): Promise<Map<string, Buffer>> {
    this.blobs ??= readBlobs(this.top, this.entries);
    return this.blobs;
  }

  private async extract(): Promise<string> {
    const revisions = revisionsFolder(this.gitDir);
    removeStale(revisions, /^[0-9a-f]{12}-(\d+)$/);
    const dir = path.join(revisions, `${this.commit.slice(0, 12)}-${process.pid}`);
    this.removeExtracted = removeOnExit(dir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tree = `${this.commit}:${this.prefix}`;
    await pipe(['git', ['archive', '--format=tar', tree], this.top], ['tar', ['-x', '-C', dir], this.top]);
    const modules = nodeModulesAbove(this.root);
    if (modules && !existsSync(path.join(dir, 'node_modules'))) symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
    return dir;
  }
}

/** Where revisions are extracted: in the repository's git folder, so never in the working tree. */
export const revisionsFolder = (gitDir: string) => path.join(gitDir, 'tak', 'revisions');

/** The `node_modules` folder the working tree's imports resolve from: the nearest one at or above `root`. */
function nodeModulesAbove(root: string): string | undefined {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules');
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function resolveCommit(git: SimpleGit, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined;
  try {
    const out = (await git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Files below config/ and environments/ at the commit, relative to the repository root (`prefix`). */
async function listTree(git: SimpleGit, commit: string, prefix: string): Promise<Map<string, Entry>> {
  const roots = DECLARATION_ROOTS.map((r) => `${prefix}${r}`);
  const out = await git.raw(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...roots]);
  const entries = new Map<string, Entry>();
  for (const line of out.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = line.slice(0, tab).split(' ');
    if (type !== 'blob') continue;
    entries.set(line.slice(tab + 1).slice(prefix.length), { mode, object });
  }
  return entries;
}

/**
 * An open file that is already unlinked: git writes the blobs into it at its own pace, where a pipe
 * would make it wait whenever this process is busy, and nothing is left behind however the run ends.
 */
function anonymousFile(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'tak-blobs-'));
  const file = path.join(dir, 'blobs');
  try {
    return openSync(file, 'w+', 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readAll(fd: number): Buffer {
  const all = Buffer.allocUnsafe(fstatSync(fd).size);
  for (let at = 0; at < all.length; ) at += readSync(fd, all, at, all.length - at, at);
  return all;
}

/** Every blob in one `git cat-file --batch`: a request per line, answers in the same order. */
function readBlobs(top: string, entries: Map<string, Entry>): Promise<Map<string, Buffer>> {
  const files = [...entries.keys()];
  if (files.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const out = anonymousFile();
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', out, 'pipe'] });
    let stderr = '';
    let open = true;
    const release = () => {
      if (open) closeSync(out);
      open = false;
    };
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (error) => {
      release();
      reject(error);
    });
    child.on('close', (code) => {
      if (!open) return;
      const all = readAll(out);
      release();
      if (code !== 0) return reject(new RevisionError(`git cat-file failed: ${stderr.trim()}`));
      const blobs = new Map<string, Buffer>();
      let at = 0;
      for (const file of files) {
        const eol = all.indexOf(10, at);
        const header = all.subarray(at, eol).toString('latin1').split(' ');
        if (header[1] === 'missing') return reject(new RevisionError(`git object ${header[0]} (${file}) is missing`));
        const size = Number(header[2]);
        blobs.set(file, all.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin!.end(files.map((f) => entries.get(f)!.object).join('\n') + '\n');
  });
}

type Command = [string, string[], string];

/** `a | b`, failing with the stderr of whichever side failed. */
function pipe([cmdA, argsA, cwd]: Command, [cmdB, argsB]: Command): Promise<void> {
  return new Promise((resolve, reject) => {
    const a = spawn(cmdA, argsA, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const b = spawn(cmdB, argsB, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    // Interrupted: stop both before their output folder is removed.
    const stop = onExit(() => {
      a.kill('SIGKILL');
      b.kill('SIGKILL');
    });
    let errors = '';
    a.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    b.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    a.on('error', reject);
    b.on('error', reject);
    a.stdout.pipe(b.stdin);
    let pending = 2;
    let failed = false;
    const done = (code: number | null) => {
      if (code !== 0) failed = true;
      if (--pending > 0) return;
      stop();
      if (failed) reject(new RevisionError(`could not extract the revision: ${errors.trim()}`));
      else resolve();
    };
    a.on('close', done);
    b.on('close', done);
  });
}
