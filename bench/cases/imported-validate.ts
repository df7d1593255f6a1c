/**
 * `tak validate` on what import.ts wrote, then the folder is removed. The imported systems declare no
 * network or certificates (the catalog holds none), so those rules report findings (exit 1). Without
 * the parse cache: the folder is not a repository of its own, and this is the first run on it.
 */
import { rmSync } from 'node:fs';
import type { BenchCase } from '../types';
import { tak } from '../tak';
import { importedFolder } from './import';

const importedValidate: BenchCase = {
  name: 'validate imported',
  needs: ['import'],
  command: (repo) => tak('validate', '-C', importedFolder(repo), '--no-cache'),
  exitCodes: [0, 1],
  after: (repo) => rmSync(importedFolder(repo), { recursive: true, force: true }),
};

export default importedValidate;
