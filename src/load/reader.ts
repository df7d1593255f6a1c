import { promises as fs } from 'node:fs';
import * as path from 'node:path';

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
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Reads the working tree below `root`, refusing symlinks that lead out of it. */
export class WorkingTreeReader implements RepositoryReader {
  readonly label: string;
  private realRoot: Promise<string>;

  constructor(readonly root: string) {
    this.label = root;
    this.realRoot = fs.realpath(root);
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const top of DECLARATION_ROOTS) await this.walk(top, out);
    return out.sort();
  }

  private async walk(dir: string, out: string[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(this.root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await this.walk(rel, out);
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
    }
  }

  async read(file: string): Promise<Buffer> {
    return fs.readFile(await this.importPath(file));
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
