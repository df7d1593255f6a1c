/** `tak export tak-export` of the prod environment into a file (removed afterwards). */
import { rmSync } from 'node:fs';
import type { BenchCase } from '../types';
import { tak } from '../tak';

const file = (repo: string) => `${repo}-prod-export.json`;

const exportCase: BenchCase = {
  name: 'export tak-export (prod)',
  command: (repo) => tak('export', 'tak-export', '--env', 'prod', '-C', repo, '-o', file(repo), '--force'),
  after: (repo) => rmSync(file(repo), { force: true }),
};

export default exportCase;
