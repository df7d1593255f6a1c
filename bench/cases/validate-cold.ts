/** `tak validate` from the shell with no parse cache (`--no-cache`), as on a fresh clone: every environment, the whole pack, the text report. */
import type { BenchCase } from '../types';
import { tak } from '../tak';

const validateCold: BenchCase = {
  name: 'validate (no cache)',
  command: (repo) => tak('validate', '-C', repo, '--no-cache'),
  target: { timesFloor: 2 },
};

export default validateCold;
