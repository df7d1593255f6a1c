/** Runs a drift check of one environment: reads the applied commit and the live side, compares, keeps the outcome in the record. */
import { GitRevisionReader } from '../load/git-reader';
import type { EnvironmentState } from '../model/state';
import { readState } from '../pipeline';
import { deploy } from './deploy';
import { catalogDrift, driftCount, type DriftReport } from './drift';
import { remoteOf } from './git';
import { appliedCommit, recordDrift, refreshRecords } from './record';
import type { CommandRunner } from './runner';
import { synthesizeEnvironment } from './synth';
import { readLiveCatalog } from './takapi-client';

export interface DriftInput {
  root: string;
  env: string;
  /** A TAK-api base URL or a folder of its responses; absent: the catalog side is not checked. */
  takapi?: string;
  /** Check the Kubernetes side with terraform (when the environment has a kubernetes target). */
  kubernetes: boolean;
  now: Date;
  runner: CommandRunner;
  output: (text: string) => void;
  variables?: NodeJS.ProcessEnv;
}

/** Nothing to compare with: exit 2, with what to do. */
export class DriftUnavailable extends Error {}

export async function checkDrift(input: DriftInput): Promise<DriftReport> {
  const { root, env } = input;
  const remote = remoteOf(root);
  refreshRecords(root, remote, [env]);
  const commit = appliedCommit(root, env);
  if (!commit) throw new DriftUnavailable(`nothing has been applied to ${env} yet (no refs/tak/applied/${env}); run tak apply --env ${env} first`);
  const reader = await GitRevisionReader.open(root, commit, 'base');
  let state;
  try {
    state = (await readState(reader)).environments.get(env);
  } finally {
    await reader.dispose();
  }
  if (!state) throw new DriftUnavailable(`the applied commit ${commit.slice(0, 12)} of ${env} declares no environment ${env}`);
  const platform = state.environment?.platform ?? env;
  const live = input.takapi ? (await readLiveCatalog(input.takapi, platform, input.variables)).tables : undefined;
  const catalog = live ? catalogDrift(state, live, input.now) : undefined;
  const kubernetes = input.kubernetes ? await kubernetesDrift(root, state, input) : undefined;
  if (!live && !kubernetes) throw new DriftUnavailable(`nothing to compare ${env} with: pass --takapi URL|DIR, or give ${env} a kubernetes target`);
  const report: DriftReport = {
    env,
    platform: state.environment?.platform,
    commit,
    source: [live ? `the TAK-api (${input.takapi})` : undefined, kubernetes ? 'terraform' : undefined].filter(Boolean).join(' and '),
    ...(catalog ? { catalog } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    differences: driftCount(catalog, kubernetes),
  };
  recordDrift(root, env, { checkedAt: input.now.toISOString(), clean: report.differences === 0, differences: report.differences }, remote);
  return report;
}

/** terraform plan of the applied commit's stack: changes mean the cluster is not what was applied. */
async function kubernetesDrift(root: string, state: EnvironmentState, input: DriftInput) {
  const synthesized = await synthesizeEnvironment(root, state);
  if (synthesized.kind === 'skipped') return undefined;
  if (synthesized.kind === 'failed') throw new DriftUnavailable(`the applied commit of ${state.name} does not synthesize: ${synthesized.problems.join('; ')}`);
  const deployed = await deploy({ runner: input.runner, target: 'terraform', folder: synthesized.stack, dryRun: true, confirm: async () => false, output: input.output });
  return { changes: deployed.changes, ran: deployed.ran };
}
