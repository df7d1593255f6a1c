/**
 * Import of a catalog export as large as the whole synthetic repository: the rows of all its
 * environments in one export (written once per size by export-tak-export.ts, which sorts first),
 * imported into an empty folder with `tak import tak-export` (its report goes to stderr, not to the
 * figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { BenchCase } from '../types';
import { exportFile } from './export-tak-export';

const bench: BenchCase = {
  name: 'import tak-export',
  async run(repo) {
    const target = mkdtempSync(path.join(path.dirname(repo), 'import-'));
    try {
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => process.stderr.write(chunk)) as typeof process.stdout.write;
      const code = await main(['node', 'tak', 'import', 'tak-export', exportFile(repo), '--env', 'prod', '-C', target]);
      process.stdout.write = write;
      if (code !== 0) throw new Error(`import failed with exit code ${code}`);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  },
};

export default bench;
