/** `tak validate` from the shell: every environment, the whole pack, the text report. */
import type { BenchCase } from '../types';
import { tak } from '../tak';

const validate: BenchCase = {
  name: 'validate',
  command: (repo) => tak('validate', '-C', repo),
  target: { timesFloor: 2 },
};

export default validate;
