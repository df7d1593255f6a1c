/** One environment synthesized into the repository's cdktf.out/ and dist/, as `tak synth --env E` writes it. */
import * as path from 'node:path';
import { buildEnvironment } from '../../stacks/environment';
import { formatProblem } from '../../stacks/problems';
import type { EnvironmentState } from '../model/state';

export type Synthesized =
  | { kind: 'skipped' }
  | { kind: 'failed'; problems: string[] }
  | { kind: 'written'; stack: string; manifests: string };

export async function synthesizeEnvironment(root: string, state: EnvironmentState): Promise<Synthesized> {
  const build = await buildEnvironment(state);
  if (build.kind === 'skipped') return { kind: 'skipped' };
  if (build.kind === 'failed') return { kind: 'failed', problems: build.problems.map(formatProblem) };
  // cdktf takes most of a second to load: only the commands that synthesize pay for it.
  const { writeOutputs } = require('../../stacks/output') as typeof import('../../stacks/output');
  const [written] = writeOutputs([build], { root, out: root });
  return { kind: 'written', stack: path.join(root, path.dirname(written.stack)), manifests: path.join(root, path.dirname(written.manifests[0])) };
}
