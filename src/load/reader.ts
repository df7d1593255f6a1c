import { execFile } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** Raised for a file that cannot be read as a declaration; the loader turns it into a located error. */
export class UnreadableFile extends Error {}

/** The two folders whose files make up the declarations. */
export const DECLARATION_ROOTS = ['config', 'environments'] as const;

/**
 * Where the loader reads a repository from: the working tree, or (for `plan --base`) a git
 * revision. Paths are repository-relative with forward slashes.
 */
export interface RepositoryReader {
  /** For messages: the folder, or the revision. */
  readonly label: string;
  list(): Promise<string[]>;
  read(file: string): Promise<Buffer>;
  /** An absolute path from which a TypeScript declaration can be imported. */
  importPath(file: string): Promise<string>;
  /**
   * Every file of the repository (not only config/ and environments/), for the private-key scan.
   * Readers that cannot list it leave it out, and the scan covers only what the loader reads.
   */
  listRepository?(): Promise<string[]>;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Build output and caches, skipped when the whole tree is walked (outside git). */
const GENERATED_DIRS = new Set([...SKIPPED_DIRS, 'dist', 'cdktf.out', '.tak', 'coverage', '.cache']);

/** Reads the working tree below `root`, refusing symlinks that lead out of it. */
export class WorkingTreeReader implements RepositoryReader {
  readonly label: string;
  private realRoot: Promise<string>;
  /**
   * Regular files that `list` reached through real folders: they are inside the repository by
   * construction, so reading them needs no realpath and stat (two system calls per file, which
   * dominate on repositories with thousands of files).
   */
  private regularFiles = new Set<string>();

  constructor(readonly root: string) {
    this.label = root;
    this.realRoot = fs.realpath(root);
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const top of DECLARATION_ROOTS) await this.walk(top, out, SKIPPED_DIRS, this.regularFiles);
    return out.sort();
  }

  /**
   * The files git would commit (tracked, plus untracked ones that are not ignored); outside a git
   * work tree, every file except dependencies and build output.
   */
  async listRepository(): Promise<string[]> {
    try {
      const { stdout } = await promisify(execFile)('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
        cwd: this.root,
        maxBuffer: 256 * 1024 * 1024,
      });
      return [...new Set(stdout.split('\0').filter(Boolean))].sort();
    } catch {
      const out: string[] = [];
      await this.walk('', out, GENERATED_DIRS);
      return out.sort();
    }
  }

  private async walk(dir: string, out: string[], skipped: ReadonlySet<string> = SKIPPED_DIRS, regular?: Set<string>): Promise<void> {
    let entries;
    try {
      // Synchronous, as reading is: a folder per service domain, and each round trip through the thread pool costs more than the call.
      entries = readdirSync(path.join(this.root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (skipped.has(entry.name)) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await this.walk(rel, out, skipped, regular);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        out.push(rel);
        if (entry.isFile()) regular?.add(rel);
      }
    }
  }

  async read(file: string): Promise<Buffer> {
    const full = this.regularFiles.has(file) ? path.join(this.root, file) : await this.importPath(file);
    try {
      // Synchronous on purpose: thousands of small files, and the thread pool's round trips cost more than the reads.
      return readFileSync(full);
    } catch {
      throw new UnreadableFile('cannot be read (no permission, or it is gone)');
    }
  }

  async importPath(file: string): Promise<string> {
    const full = path.join(this.root, file);
    let real: string;
    try {
      real = await fs.realpath(full);
    } catch {
      throw new UnreadableFile('cannot be read (a broken link, or no permission)');
    }
    const root = await this.realRoot;
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw new UnreadableFile(`is a link to ${real}, outside the repository; copy the file in instead`);
    }
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw new UnreadableFile('is not a regular file');
    return real;
  }
}
