import type { Rule, RuleFinding } from '../src/check/types';
import type { Authorization } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';

/**
 * Process gate of `tak plan` (needs the base): removing a routing entry while authorizations still
 * use it leaves consumers authorized for a call that can no longer be routed (VP004). A warning
 * per removed routing entry, naming the consumers, at the first authorization that still uses it.
 */
const removedRoutingAuthorized: Rule = (state, { base }) => {
  if (!base) return [];
  const routed = new Set(state.routing.map((r) => r.key));
  const removed = new Map(base.routing.filter((r) => !routed.has(r.key)).map((r) => [r.key, r]));
  if (removed.size === 0) return [];
  const users = new Map<string, Authorization[]>();
  for (const a of state.authorizations) {
    const key = naturalKey(a.contract, a.logicalAddress);
    if (removed.has(key)) users.set(key, [...(users.get(key) ?? []), a]);
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

export default removedRoutingAuthorized;
