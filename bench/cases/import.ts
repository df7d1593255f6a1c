/**
 * `tak import tak-export` of the one-catalog export (catalog.ts) into an empty folder, left for
 * imported-validate.ts, which removes it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { BenchCase } from '../types';
import { tak } from '../tak';
import { exportFile } from '../catalog';

export const importedFolder = (repo: string) => `${repo}-imported`;

const importCase: BenchCase = {
  name: 'import tak-export (one catalog)',
  needs: ['catalog'],
  before(repo) {
    rmSync(importedFolder(repo), { recursive: true, force: true });
    mkdirSync(importedFolder(repo));
  },
  command: (repo) => tak('import', 'tak-export', exportFile(repo), '--env', 'prod', '-C', importedFolder(repo)),
};

export default importCase;
