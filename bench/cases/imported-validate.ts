/**
 * `tak validate` (the validate case) on what import.ts wrote, then the folder is removed. The imported
 * systems declare no network or certificates (the catalog holds none), so those rules report findings
 * per system and group; their count goes to stderr.
 */
import { existsSync, rmSync } from 'node:fs';
import type { BenchCase } from '../types';
import { importedFolder } from './import';
import validate from './validate';

const bench: BenchCase = {
  name: 'validate imported',
  async run(repo) {
    const folder = importedFolder(repo);
    if (!existsSync(folder)) throw new Error(`${folder} is missing: run the import case first (npm run bench -- <size> export import)`);
    try {
      await validate.run(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

export default bench;
