import type { Rule, RuleFinding } from '../src/check/types';
import type { Authorization, RoutingEntry, System } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';
import { authorizationEntry, expand, routingEntry } from '../src/resolve/expand';

/**
 * Process gate of `tak plan` (needs the base): a deactivated system keeps what it had at the base
 * but gets nothing new, whatever its groups claim. One finding per group, with the count.
 */
const deactivatedNothingNew: Rule = (state, { base }) => {
  if (!base) return [];
  const deactivated = new Map([...state.catalog.systemIndex].filter(([, s]) => s.decl.deactivated));
  if (deactivated.size === 0) return [];
  // Only the deactivated systems' groups are expanded, on either side: an entry's key names its
  // producer (routing, with the producer added) or consumer, so no other base entry can match.
  const systemOf = (hsaId: string) => deactivated.get(naturalKey(hsaId));
  const routing = state.routingGroups.filter((g) => systemOf(g.decl.producer));
  const authorizations = state.authorizationGroups.filter((g) => systemOf(g.decl.consumer));
  if (routing.length === 0 && authorizations.length === 0) return [];
  const routed = (r: RoutingEntry) => naturalKey(r.key, r.producer);
  const hadRouting = new Set(expand(base.routingGroups.filter((g) => systemOf(g.decl.producer)), routingEntry).map(routed));
  const hadAuthorization = new Set(expand(base.authorizationGroups.filter((g) => systemOf(g.decl.consumer)), authorizationEntry).map((a) => a.key));
  const out: RuleFinding[] = [];
  for (const g of routing) {
    const fresh = expand([g], routingEntry).filter((r) => !hadRouting.has(routed(r)));
    if (fresh.length) out.push(finding(systemOf(g.decl.producer)!, 'producer', 'routing entries', fresh));
  }
  for (const g of authorizations) {
    const fresh = expand([g], authorizationEntry).filter((a) => !hadAuthorization.has(a.key));
    if (fresh.length) out.push(finding(systemOf(g.decl.consumer)!, 'consumer', 'authorizations', fresh));
  }
  return out;
};

function finding(system: System, role: string, what: string, entries: (RoutingEntry | Authorization)[]): RuleFinding {
  const first = entries[0];
  return {
    message: `${role} ${system.decl.name} (${system.hsaId}) was deactivated on ${system.decl.deactivated!.date} and gets nothing new, but this adds ${entries.length} ${what} the base does not have (the first: ${first.contract} at ${first.logicalAddress})`,
    location: first.location,
    entity: system.hsaId,
  };
}

export default deactivatedNothingNew;
