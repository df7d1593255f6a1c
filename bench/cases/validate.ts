/**
 * `tak validate` from the shell as it runs again after an edit: the parse of the files an earlier
 * run kept in .git/tak/ (filled by one validate before, which does not count); every environment,
 * the whole pack, the text report.
 */
import { spawnSync } from 'node:child_process';
import type { BenchCase } from '../types';
import { tak } from '../tak';

const validate: BenchCase = {
  name: 'validate (parse cached)',
  before: (repo) => {
    spawnSync(process.execPath, tak('validate', '-C', repo), { stdio: 'ignore' });
  },
  command: (repo) => tak('validate', '-C', repo),
  target: { timesFloor: 2 },
};

export default validate;
