/**
 * `tak report` of every environment into a fresh folder: the connections table's shards, a page per
 * system and domain, the graph data, certificates and findings (the whole pack runs for them).
 */
import * as path from 'node:path';
import { runTak } from '../cli';
import type { BenchCase } from '../types';

export const reportFolder = (repo: string) => path.join(path.dirname(repo), `report-${path.basename(repo)}`);

const report: BenchCase = {
  name: 'report (build)',
  async run(repo) {
    const code = await runTak(['report', '-C', repo, '--out', reportFolder(repo), '--force']);
    if (code !== 0) throw new Error(`tak report exited ${code}`);
  },
};

export default report;
