import type { Rule, RuleFinding } from '../src/check/types';
import type { Authorization, RoutingEntry, System } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';

/**
 * Process gate of `tak plan` (needs the base): a deactivated system keeps what it had at the base
 * but gets nothing new, whatever its groups claim. One finding per group, with the count.
 */
const deactivatedNothingNew: Rule = (state, { base }) => {
  if (!base) return [];
  const deactivated = new Map([...state.catalog.systemIndex].filter(([, s]) => s.decl.deactivated));
  if (deactivated.size === 0) return [];
  const hadRouting = new Set(base.routing.map((r) => naturalKey(r.key, r.producer)));
  const hadAuthorization = new Set(base.authorizations.map((a) => a.key));
  const fresh = new Map<object, { system: System; role: string; what: string; entries: (RoutingEntry | Authorization)[] }>();
  const note = (group: object, system: System | undefined, role: string, what: string, entry: RoutingEntry | Authorization) => {
    if (!system) return;
    const list = fresh.get(group) ?? { system, role, what, entries: [] };
    list.entries.push(entry);
    fresh.set(group, list);
  };
  for (const r of state.routing) {
    if (!hadRouting.has(naturalKey(r.key, r.producer))) note(r.group, deactivated.get(naturalKey(r.producer)), 'producer', 'routing entries', r);
  }
  for (const a of state.authorizations) {
    if (!hadAuthorization.has(a.key)) note(a.group, deactivated.get(naturalKey(a.consumer)), 'consumer', 'authorizations', a);
  }
  return [...fresh.values()].map(finding);
};

function finding({ system, role, what, entries }: { system: System; role: string; what: string; entries: (RoutingEntry | Authorization)[] }): RuleFinding {
  const first = entries[0];
  return {
    message: `${role} ${system.decl.name} (${system.hsaId}) was deactivated on ${system.decl.deactivated!.date} and gets nothing new, but this adds ${entries.length} ${what} the base does not have (the first: ${first.contract} at ${first.logicalAddress})`,
    location: first.location,
    entity: system.hsaId,
  };
}

export default deactivatedNothingNew;
