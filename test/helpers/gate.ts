/**
 * Runs a process gate of `tak plan` (a rule that compares with the base) on two minimal
 * repositories: the head's environment with the base's as ctx.base. Without a base the gate must
 * find nothing (as in `tak validate`); with it, it gets the plan's changes too. Returns `file:line message` lines.
 */
import type { Rule } from '../../src/check/types';
import { diffEnvironment } from '../../src/plan/diff';
import { readWorkingTree } from '../../src/pipeline';
import { makeRepo, removeRepo } from './minimal-repo';

const now = new Date('2026-11-01T00:00:00Z');
export const FORMS = 'environments/test/connections/forms.yaml';

export async function gate(rule: Rule, base: Record<string, string | null>, head: Record<string, string | null>, env = 'test'): Promise<string[]> {
  const [b, h] = [makeRepo(base), makeRepo(head)];
  try {
    const [baseRepo, headRepo] = [await readWorkingTree(b), await readWorkingTree(h)];
    const state = headRepo.environments.get(env)!;
    expect(rule(state, { now, repository: headRepo })).toEqual([]);
    // As tak plan gives a gate its environment's base and changes (src/plan/index.ts).
    const baseState = baseRepo.environments.get(env);
    return rule(state, { now, repository: headRepo, base: baseState, changes: diffEnvironment(baseState, state) }).map((f) => `${f.location.file}:${f.location.line} ${f.message}`);
  } finally {
    removeRepo(b);
    removeRepo(h);
  }
}
