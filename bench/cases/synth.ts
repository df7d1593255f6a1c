/** `tak synth` of every environment into an --out folder (removed afterwards). */
import { rmSync } from 'node:fs';
import type { BenchCase } from '../types';
import { tak } from '../tak';

const out = (repo: string) => `${repo}-synth-out`;

const synth: BenchCase = {
  name: 'synth',
  before: (repo) => rmSync(out(repo), { recursive: true, force: true }),
  command: (repo) => tak('synth', '-C', repo, '--out', out(repo)),
  after: (repo) => rmSync(out(repo), { recursive: true, force: true }),
  target: { seconds: 10 },
};

export default synth;
