/**
 * A plan: per environment, the change set from base to head, the policy findings of the head (the
 * process gates see the base as `ctx.base`), and the order that carries the change to the platform.
 * A pure function of the two resolved repositories.
 */
import { checkRepository } from '../check/engine';
import type { CheckResult, Finding, RuleContext, RuleSpec } from '../check/types';
import { buildOrder } from '../formats/order/build';
import { orderSize, type Order } from '../formats/order/types';
import type { Diagnostic } from '../model/diagnostics';
import type { EnvironmentState, RepositoryState } from '../model/state';
import { diffRepository } from './diff';
import type { EnvironmentChanges } from './types';

export interface EnvironmentPlan {
  changes: EnvironmentChanges;
  findings: Finding[];
  /** Absent when nothing in the change needs the platform's catalog to change. */
  order?: Order;
}

export interface Plan {
  base: string;
  head: string;
  environments: EnvironmentPlan[];
  summary: CheckResult['summary'];
  /** What could not be read at the base: the changes are against what could. */
  baseProblems: Diagnostic[];
}

export interface PlanInput {
  base: RepositoryState;
  head: RepositoryState;
  baseLabel: string;
  headLabel: string;
  pack: readonly RuleSpec[];
  now: Date;
  env?: string;
  /** Rule-pack files (policies/) that differ between base and head. */
  packFiles?: readonly string[];
  /** Approvals on record (`--approved-by`): handles of users or teams. */
  approvedBy?: readonly string[];
}

/**
 * The pack with each rule given its environment's base state: the engine passes one context to
 * every environment, and the process gates need the base of the environment they check.
 */
function withBases(pack: readonly RuleSpec[], bases: ReadonlyMap<string, EnvironmentState>, changes: readonly EnvironmentChanges[]): RuleSpec[] {
  const byEnv = new Map(changes.map((c) => [c.env, c]));
  return pack.map((spec) => {
    const rule = spec.rule;
    if (!rule) return spec;
    return { ...spec, rule: (state: EnvironmentState, ctx: RuleContext) => rule(state, { ...ctx, base: bases.get(state.name), changes: byEnv.get(state.name) }) };
  });
}

export function makePlan(input: PlanInput): Plan {
  const changes = diffRepository(input.base.environments, input.head.environments, input.env, input.packFiles);
  const heads = changes.map((c) => input.head.environments.get(c.env)).filter((s): s is EnvironmentState => s !== undefined);
  const context = { now: input.now, repository: input.head, approvedBy: input.approvedBy };
  const check = checkRepository(heads, withBases(input.pack, input.base.environments, changes), context);
  const comment = `tak plan ${input.baseLabel}..${input.headLabel}`;
  const environments = changes.map((c) => {
    // An environment removed from the repository is reported, but not emptied on the platform by an
    // order; nor is one whose head has a file that does not read (its removals are unknown).
    const order = c.presence === 'removed' || (c.unreadable?.length ?? 0) > 0 ? undefined : buildOrder(c, { now: input.now, comment: `${comment} (${c.env})` });
    return {
      changes: c,
      findings: check.findings.filter((f) => f.env === c.env),
      ...(order && orderSize(order) > 0 ? { order } : {}),
    };
  });
  return { base: input.baseLabel, head: input.headLabel, environments, summary: check.summary, baseProblems: baseProblems(input.base, input.env) };
}

function baseProblems(base: RepositoryState, env?: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const state of base.environments.values()) {
    if (env && state.name !== env) continue;
    for (const d of state.diagnostics) {
      const key = `${d.location.file}:${d.location.line}:${d.message}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
  }
  return out;
}
