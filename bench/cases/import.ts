/**
 * Import of a catalog export as large as the synthetic repository (one platform's catalog, written
 * once per size by export-tak-export.ts, which sorts first) into an empty folder with
 * `tak import tak-export` (its report goes to stderr, not to the figures). The imported folder is
 * left for imported-validate.ts, which sorts next and removes it.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runTak } from '../cli';
import type { BenchCase } from '../types';
import { exportFile } from './export-tak-export';

export const importedFolder = (repo: string) => `${repo}-imported`;

/** An export older than the repository was made from another one (or by an older export case). */
function freshExport(repo: string): string {
  const file = exportFile(repo);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(path.join(repo, '.complete')).mtimeMs) {
    throw new Error(`${file} is missing or older than the repository: run the export case first (npm run bench -- <size> export import)`);
  }
  return file;
}

const bench: BenchCase = {
  name: 'import tak-export',
  async run(repo) {
    const file = freshExport(repo);
    const target = importedFolder(repo);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target);
    const code = await runTak(['import', 'tak-export', file, '--env', 'prod', '-C', target]);
    if (code !== 0) throw new Error(`import failed with exit code ${code}`);
  },
};

export default bench;
