import type { Rule, RuleFinding } from '../src/check/types';
import { AddressTree, Coverage } from '../src/check/lookup';
import { routingEntry } from '../src/resolve/expand';

/**
 * A routing entry that no consumer may call (the platform's own consistency report): no
 * authorization for its contract on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const routingCallable: Rule = (state) => {
  const authorized = new Coverage(new AddressTree(state.catalog), state.authorizationGroups);
  const out: RuleFinding[] = [];
  for (const g of state.routingGroups) {
    for (const c of g.contracts) {
      for (const a of g.addresses) {
        if (authorized.meets(c.key, a.key)) continue;
        const r = routingEntry(g, c, a);
        out.push({
          message: `routing for ${r.contract} at ${r.logicalAddress} to ${r.producer} in ${state.name} can be called by no consumer (no authorization on the address, its HSA parents, SE or *); authorize a consumer or remove the routing`,
          location: r.location,
          entity: r.key,
        });
      }
    }
  }
  return out;
};

export default routingCallable;
