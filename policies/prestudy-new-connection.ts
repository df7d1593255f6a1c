import { isoDay } from '../src/check/periods';
import type { Rule, RuleFinding } from '../src/check/types';
import type { AuthorizationGroup, EnvironmentState, RoutingGroup } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';

/**
 * Process gate of `tak plan` (needs the base): in qa and prod, a connection that is new here (a
 * system that had none, or a contract the system did not use, such as a new major version) needs
 * an approved pre-study in its connection file, approved by now; a new major version needs its own
 * pre-study, not the one of the version it follows.
 */
const prestudyNewConnection: Rule = (state, { base, now }) => {
  const stage = state.environment?.stage;
  if (!base || (stage !== 'qa' && stage !== 'prod')) return [];
  const before = connectionsOf(base);
  const today = isoDay(now);
  const out: RuleFinding[] = [];
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) {
    const system = systemOf(g);
    for (const c of g.contracts) {
      const namespace = c.namespace ?? c.ref;
      if (before.pairs.has(naturalKey(system, namespace))) continue;
      const contract = state.catalog.contractIndex.get(naturalKey(namespace));
      const family = contract ? naturalKey(system, contract.domain, contract.name) : undefined;
      const previous = family ? before.families.get(family) : undefined;
      const what = !before.systems.has(naturalKey(system))
        ? `system ${system} is new in ${state.name}`
        : previous
          ? `${contract!.name}:${contract!.major} is a new major version for ${system} in ${state.name}`
          : `${contract ? `${contract.name}:${contract.major}` : namespace} is a new contract for ${system} in ${state.name}`;
      const prestudy = g.connection.decl.prestudy;
      let problem: string | undefined;
      if (!prestudy) problem = 'the connection file has no pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }';
      else if (prestudy.approved > today) problem = `its pre-study ${prestudy.ref} is approved only on ${prestudy.approved}`;
      else if (previous?.has(prestudy.ref.toLowerCase())) problem = `it reuses pre-study ${prestudy.ref} of the previous major version; a new major version needs its own`;
      if (problem) out.push({ message: `${what}: ${problem}`, location: c.location, entity: system });
    }
  }
  return out;
};

const systemOf = (g: RoutingGroup | AuthorizationGroup) => ('producer' in g.decl ? g.decl.producer : g.decl.consumer);

/** What the base connects: systems, (system, contract) pairs, and per contract family the pre-studies used. */
function connectionsOf(state: EnvironmentState) {
  const systems = new Set<string>();
  const pairs = new Set<string>();
  const families = new Map<string, Set<string>>();
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) {
    const system = systemOf(g);
    systems.add(naturalKey(system));
    for (const c of g.contracts) {
      const namespace = c.namespace ?? c.ref;
      pairs.add(naturalKey(system, namespace));
      const contract = state.catalog.contractIndex.get(naturalKey(namespace));
      if (!contract) continue;
      const family = naturalKey(system, contract.domain, contract.name);
      const refs = families.get(family) ?? new Set<string>();
      if (g.connection.decl.prestudy) refs.add(g.connection.decl.prestudy.ref.toLowerCase());
      families.set(family, refs);
    }
  }
  return { systems, pairs, families };
}

export default prestudyNewConnection;
