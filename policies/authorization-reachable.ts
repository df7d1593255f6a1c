import type { Rule, RuleFinding } from '../src/check/types';
import { AddressTree, Coverage } from '../src/check/lookup';
import { authorizationEntry } from '../src/resolve/expand';

/**
 * An authorization that no routing entry can serve (the platform's own consistency report): a call
 * it allows would find no routing on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const authorizationReachable: Rule = (state) => {
  const routing = new Coverage(new AddressTree(state.catalog), state.routingGroups);
  const out: RuleFinding[] = [];
  for (const g of state.authorizationGroups) {
    for (const c of g.contracts) {
      for (const la of g.addresses) {
        if (routing.meets(c.key, la.key)) continue;
        const a = authorizationEntry(g, c, la);
        out.push({
          message: `authorization of ${a.consumer} for ${a.contract} at ${a.logicalAddress} reaches no routing in ${state.name} (not on the address, its HSA parents, SE or *); add the routing or remove the authorization`,
          location: a.location,
          entity: a.key,
        });
      }
    }
  }
  return out;
};

export default authorizationReachable;
