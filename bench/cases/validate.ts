/**
 * `tak validate` in-process: read the working tree through the pipeline, run the rule pack on every
 * environment, render the text report. The clock is today's, as the command's default.
 */
import { checkRepository } from '../../src/check/engine';
import { readWorkingTree } from '../../src/pipeline';
import { renderText, summaryLine } from '../../src/report/validate-text';
import { pack } from '../../policies/pack';
import type { BenchCase } from '../types';

const validate: BenchCase = {
  name: 'validate',
  async run(repo) {
    const repository = await readWorkingTree(repo);
    const states = [...repository.environments.values()];
    const result = checkRepository(states, pack, { now: new Date(), repository });
    const names = states.map((s) => s.name);
    renderText(result, names);
    // The synthetic repository is meant to be compliant; say so when it is not, since the figure then measures something else.
    if (result.summary.errors > 0) process.stderr.write(`validate: ${summaryLine(result, names)}\n`);
  },
};

export default validate;
