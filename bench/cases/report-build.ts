/**
 * `tak report` of every environment into a fresh folder: the connections table's shards, a page per
 * system and domain, the graph data, certificates and findings (the whole pack runs for them).
 */
import * as path from 'node:path';
import { rmSync } from 'node:fs';
import { tak } from '../tak';
import type { BenchCase } from '../types';

export const reportFolder = (repo: string) => path.join(path.dirname(repo), `report-${path.basename(repo)}`);

const report: BenchCase = {
  name: 'report (build)',
  before: (repo) => rmSync(reportFolder(repo), { recursive: true, force: true }),
  command: (repo) => tak('report', '-C', repo, '--out', reportFolder(repo)),
};

export default report;
