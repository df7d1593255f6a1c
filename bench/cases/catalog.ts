/**
 * The synthetic repository written as one platform's catalog export of the same size (bench/catalog.ts,
 * a script of the bench run through tsx, not a command of tak), for import.ts.
 */
import * as path from 'node:path';
import type { BenchCase } from '../types';

const catalog: BenchCase = {
  name: 'export one catalog of all environments (bench script)',
  command: (repo) => ['--import', 'tsx', path.join(__dirname, '..', 'catalog.ts'), repo],
};

export default catalog;
