import type { Declarations } from '../parse';
import type { RepositoryState } from '../model/state';
import { resolveCatalog } from './catalog';
import { resolveEnvironment } from './environment';

/** Every environment that has a folder with declarations, whether or not its environment.yaml parsed. */
function environmentNames(d: Declarations): string[] {
  const names = new Set<string>();
  for (const e of d.environments) names.add(e.env!);
  for (const c of d.connections) names.add(c.env!);
  for (const diag of d.diagnostics) {
    const m = /^environments\/([^/]+)\//.exec(diag.location.file);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

export function resolveRepository(d: Declarations): RepositoryState {
  const catalog = resolveCatalog(d);
  const environments = new Map(environmentNames(d).map((name) => [name, resolveEnvironment(name, d, catalog)]));
  return { catalog, environments };
}
