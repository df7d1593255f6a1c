import type { Rule, RuleFinding } from '../src/check/types';
import type { Authorization, EnvironmentState } from '../src/model/state';
import type { RoutingItem } from '../src/plan/types';
import { authorizationEntry } from '../src/resolve/expand';

/**
 * Process gate of `tak plan` (needs the base and the plan's changes): removing a routing entry
 * while authorizations still use it leaves consumers authorized for a call that can no longer be
 * routed (VP004). A warning per removed routing entry, naming the consumers, at the first
 * authorization that still uses it. Only the removed entries' contracts are looked at in the head.
 */
const removedRoutingAuthorized: Rule = (state, { base, changes }) => {
  if (!base || !changes) return [];
  const removed = stillRemoved(state, changes.routing.removed);
  if (removed.size === 0) return [];
  const contracts = new Set([...removed.values()].map((r) => r.contract.toLowerCase()));
  const users = new Map<string, Authorization[]>();
  for (const g of state.authorizationGroups) {
    for (const c of g.contracts) {
      if (!contracts.has(c.key)) continue;
      for (const a of g.addresses) {
        const key = `${c.key}|${a.key}`;
        if (!removed.has(key)) continue;
        const list = users.get(key);
        if (list) list.push(authorizationEntry(g, c, a));
        else users.set(key, [authorizationEntry(g, c, a)]);
      }
    }
  }
  const out: RuleFinding[] = [];
  for (const [key, list] of users) {
    const r = removed.get(key)!;
    const names = list.slice(0, 5).map((a) => a.consumer).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
    out.push({
      message: `routing for ${r.contract} at ${r.logicalAddress} is removed, but ${names} ${list.length === 1 ? 'is' : 'are'} still authorized for it; remove the authorizations too, or keep the routing`,
      location: list[0].location,
      entity: key,
    });
  }
  return out;
};

/** The removed entries whose (contract, address) the head routes nowhere else, by that key. */
function stillRemoved(head: EnvironmentState, removed: readonly RoutingItem[]): Map<string, RoutingItem> {
  const out = new Map(removed.map((r) => [r.key, r] as const));
  if (out.size === 0) return out;
  const contracts = new Set(removed.map((r) => r.contract.toLowerCase()));
  for (const g of head.routingGroups) {
    for (const c of g.contracts) {
      if (contracts.has(c.key)) for (const a of g.addresses) out.delete(`${c.key}|${a.key}`);
    }
  }
  return out;
}

export default removedRoutingAuthorized;
