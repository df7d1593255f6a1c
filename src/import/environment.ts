/**
 * environments/<env>/environment.yaml for an import: created when missing (platform id from
 * --platform, stage from the environment's name when it is one, else test), or, when it exists,
 * given the installed contracts it lacks.
 */
import type { EnvironmentState } from '../model/state';
import { naturalKey } from '../model/syntax';
import type { Append, Target } from './types';
import { toYaml } from './yaml';

const STAGES = new Set(['test', 'qa', 'prod']);

export interface EnvironmentInput {
  platform?: string;
  installed: string[];
  ref: (namespace: string) => string;
  origin: string;
}

function defaultPlatform(env: string): string {
  return `NTJP-${env.toUpperCase()}`;
}

export function planEnvironment(state: EnvironmentState | undefined, target: Target, input: EnvironmentInput): { create?: { path: string; content: string }; append?: Append } {
  const path = `environments/${target.env}/environment.yaml`;
  const unique = [...new Map(input.installed.map((ns) => [naturalKey(ns), ns])).values()];
  if (!state?.environment && !target.exists(path) && !target.exists(path.replace(/yaml$/, 'yml'))) {
    const decl = {
      name: target.env,
      platform: input.platform ?? defaultPlatform(target.env),
      stage: STAGES.has(target.env) ? target.env : 'test',
      installedContracts: unique.map(input.ref),
    };
    return { create: { path, content: toYaml(decl, `${input.origin}\nCheck the platform id and stage; add kubernetes and promotesFrom where they apply.`) } };
  }
  const have = new Set((state?.installedContracts ?? []).map((c) => naturalKey(c.namespace ?? c.ref)));
  const missing = unique.filter((ns) => !have.has(naturalKey(ns))).map(input.ref);
  if (!missing.length || !state) return {};
  return { append: { path: state.location.file, key: 'installedContracts', items: missing, flow: false, what: `${missing.length} installed contracts` } };
}
