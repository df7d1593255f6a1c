/**
 * `tak status`: per environment, in promotion order, the applied commit, how far HEAD is ahead of
 * it (commits, and changed routing entries and authorizations by the plan machinery), the number
 * the next order would get, and the outcome of the last drift check. Read-only.
 */
import { pack } from '../../policies/pack';
import { nextOrderNumber, orderFeedOf } from '../applied/feed-writer';
import { GitRevisionReader } from '../load/git-reader';
import type { ParseCache } from '../load';
import type { EnvironmentState, RepositoryState } from '../model/state';
import { makePlan } from '../plan';
import { readState } from '../pipeline';
import { gitMaybe, remoteOf, resolveCommit } from './git';
import { appliedCommit, readRecord, refreshRecords, type DriftCheck } from './record';

export interface EnvironmentStatus {
  env: string;
  stage?: string;
  applied?: { commit: string; appliedAt?: string; orderNumber?: number };
  /** HEAD against the applied commit; absent when nothing is applied yet. */
  ahead?: { commits: number; routing: number; authorizations: number };
  /** The number the next order of the environment will get, when HEAD's change needs one. */
  pendingOrder?: number;
  drift?: DriftCheck;
}

export async function repositoryStatus(root: string, now: Date): Promise<EnvironmentStatus[]> {
  const head = resolveCommit(root, 'HEAD');
  if (!head) return [];
  const headReader = await GitRevisionReader.open(root, head, 'head');
  const cache: ParseCache = new Map();
  try {
    const headState = await readState(headReader, cache);
    const envs = promotionOrder(headState);
    const remote = remoteOf(root);
    refreshRecords(root, remote, envs.map((e) => e.name));
    const out: EnvironmentStatus[] = [];
    for (const state of envs) out.push(await environmentStatus(root, state, headState, head, cache, now));
    return out;
  } finally {
    await headReader.dispose();
  }
}

async function environmentStatus(root: string, state: EnvironmentState, headState: RepositoryState, head: string, cache: ParseCache, now: Date): Promise<EnvironmentStatus> {
  const env = state.name;
  const applied = appliedCommit(root, env);
  const record = readRecord(root, env);
  const status: EnvironmentStatus = { env, stage: state.environment?.stage, ...(record?.drift ? { drift: record.drift } : {}) };
  if (applied) status.applied = { commit: applied, appliedAt: record?.appliedAt, orderNumber: record?.orderNumber };
  let baseState: RepositoryState | undefined;
  if (applied) {
    const reader = await GitRevisionReader.open(root, applied, 'base');
    try {
      baseState = await readState(reader, cache);
    } finally {
      await reader.dispose();
    }
  }
  const plan = makePlan({ base: baseState ?? { catalog: headState.catalog, environments: new Map() }, head: headState, baseLabel: 'applied', headLabel: 'HEAD', pack, now, env }).environments[0];
  if (applied) {
    const c = plan?.changes;
    const count = (x?: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => (x ? x.added.length + x.removed.length + x.changed.length : 0);
    status.ahead = { commits: Number(gitMaybe(root, ['rev-list', '--count', `${applied}..${head}`]) ?? 0), routing: count(c?.routing), authorizations: count(c?.authorizations) };
  }
  if (plan?.order) {
    const endpoint = state.environment?.orderEndpoint;
    status.pendingOrder = endpoint ? (record?.orderNumber ?? 0) + 1 : nextOrderNumber(orderFeedOf(state.environment, root), env, { root });
  }
  return status;
}

/** Environments with those they promote from first (test, qa, prod), then by name. */
export function promotionOrder(state: RepositoryState): EnvironmentState[] {
  const all = [...state.environments.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const depth = (s: EnvironmentState, seen = new Set<string>()): number => {
    const from = s.environment?.promotesFrom;
    const source = from ? state.environments.get(from) : undefined;
    if (!source || seen.has(s.name)) return 0;
    seen.add(s.name);
    return 1 + depth(source, seen);
  };
  const depths = new Map(all.map((s) => [s.name, depth(s)]));
  return all.sort((a, b) => depths.get(a.name)! - depths.get(b.name)!);
}

export function renderStatusText(list: EnvironmentStatus[]): string {
  const lines = list.map((s) => {
    const parts = [s.applied ? `applied ${s.applied.commit.slice(0, 12)}${s.applied.appliedAt ? ` at ${s.applied.appliedAt}` : ''}` : 'never applied'];
    if (s.applied?.orderNumber !== undefined) parts.push(`last order ${s.applied.orderNumber}`);
    if (s.ahead) parts.push(s.ahead.commits === 0 ? 'HEAD is applied' : `HEAD is ${s.ahead.commits} commit(s) ahead: ${s.ahead.routing} routing entries and ${s.ahead.authorizations} authorizations changed`);
    if (s.pendingOrder !== undefined) parts.push(`pending order ${s.pendingOrder}`);
    parts.push(s.drift ? `last drift check ${s.drift.checkedAt}: ${s.drift.clean ? 'clean' : `${s.drift.differences} difference(s)`}` : 'no drift check yet');
    return `${s.env}: ${parts.join('; ')}`;
  });
  return `${lines.join('\n')}\n`;
}
