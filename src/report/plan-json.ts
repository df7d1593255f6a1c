import type { Plan } from '../plan';
import { countsLine } from './plan-lines';

/** The whole plan, machine readable: per environment the change set, the findings and the order. */
export function renderPlanJson(plan: Plan): string {
  const environments = plan.environments.map((e) => ({ env: e.changes.env, summary: countsLine(e.changes), ...e }));
  return `${JSON.stringify({ base: plan.base, head: plan.head, summary: plan.summary, baseProblems: plan.baseProblems, environments }, null, 2)}\n`;
}
