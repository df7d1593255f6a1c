import type { Rule, RuleFinding } from '../src/check/types';
import type { Location } from '../src/model/diagnostics';
import type { EnvironmentState, RepositoryState } from '../src/model/state';
import { where } from '../src/check/where';
import { oncePerCatalog } from '../src/check/once-per-catalog';

/** Reports every declaration after the first with the same key, naming both places (located only then). */
function repeats<T extends { location: Location }>(items: T[], keyOf: (item: T) => string, what: (item: T) => string): RuleFinding[] {
  const first = new Map<string, T>();
  const out: RuleFinding[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (!earlier) first.set(key, item);
    else out.push({ message: `${what(item)} is declared twice: here and at ${where(earlier.location)}`, location: item.location, entity: key });
  }
  return out;
}

const byKey = (item: { key: string }) => item.key;

/**
 * Two environments that order for the same platform (a copied folder) would send every order twice;
 * reported at the later one (by name), so once.
 */
function samePlatform(state: EnvironmentState, repository: RepositoryState): RuleFinding[] {
  const platform = state.environment?.platform;
  if (!platform) return [];
  const earlier = [...repository.environments.values()].find((e) => e.name < state.name && e.environment?.platform.toLowerCase() === platform.toLowerCase());
  if (!earlier) return [];
  const location = state.environmentLocator?.locate(['platform']) ?? state.location;
  return [{ message: `environment ${state.name} orders for platform ${platform}, as environment ${earlier.name} at ${where(earlier.location)} does; give each environment its own platform`, location, entity: platform }];
}

/** The catalog's repeats: the same for every environment, so found once. */
const catalogRepeats = oncePerCatalog((catalog) => [
  ...repeats(catalog.systems, byKey, (s) => `system ${s.hsaId}`),
  ...repeats(catalog.contracts, byKey, (c) => `service contract ${c.namespace}`),
  ...repeats(catalog.logicalAddresses, byKey, (la) => `logical address ${la.hsaId}`),
  ...repeats(catalog.serviceDomains, (d) => d.domain.toLowerCase(), (d) => `service domain ${d.domain}`),
  ...repeats(catalog.trustedCas, (ca) => ca.decl.name.toLowerCase(), (ca) => `trusted CA ${ca.decl.name}`),
]);

/** The same system, service contract, logical address or trusted CA declared more than once, or one platform for two environments. */
const entityUnique: Rule = (state, { repository }) => [...samePlatform(state, repository), ...catalogRepeats(state.catalog)];

export default entityUnique;
