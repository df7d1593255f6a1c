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
  // Entries share their group's system: look each group up once, and compare only the deactivated
  // systems' entries with the base (a million entries, a handful of deactivated systems).
  const systemOf = new Map<object, System | undefined>();
  const deactivatedIn = (group: object, hsaId: string) => {
    if (!systemOf.has(group)) systemOf.set(group, deactivated.get(naturalKey(hsaId)));
    return systemOf.get(group);
  };
  const routing = state.routing.filter((r) => deactivatedIn(r.group, r.producer));
  const authorizations = state.authorizations.filter((a) => deactivatedIn(a.group, a.consumer));
  if (routing.length === 0 && authorizations.length === 0) return [];
  const baseSystemOf = new Map<object, boolean>();
  const ofDeactivated = (r: RoutingEntry) => {
    if (!baseSystemOf.has(r.group)) baseSystemOf.set(r.group, deactivated.has(naturalKey(r.producer)));
    return baseSystemOf.get(r.group);
  };
  const hadRouting = new Set(base.routing.filter(ofDeactivated).map((r) => naturalKey(r.key, r.producer)));
  const hadAuthorization = new Set(base.authorizations.map((a) => a.key));
  const fresh = new Map<object, { system: System; role: string; what: string; entries: (RoutingEntry | Authorization)[] }>();
  const note = (group: object, system: System | undefined, role: string, what: string, entry: RoutingEntry | Authorization) => {
    if (!system) return;
    const list = fresh.get(group) ?? { system, role, what, entries: [] };
    list.entries.push(entry);
    fresh.set(group, list);
  };
  for (const r of routing) {
    if (!hadRouting.has(naturalKey(r.key, r.producer))) note(r.group, systemOf.get(r.group), 'producer', 'routing entries', r);
  }
  for (const a of authorizations) {
    if (!hadAuthorization.has(a.key)) note(a.group, systemOf.get(a.group), 'consumer', 'authorizations', a);
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
