import type { Rule } from '../src/check/types';
import { AddressTree, Coverage } from '../src/check/lookup';

/**
 * A routing entry that no consumer may call (the platform's own consistency report): no
 * authorization for its contract on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const routingCallable: Rule = (state) => {
  const authorized = new Coverage(new AddressTree(state.catalog), state.authorizations);
  return state.routing
    .filter((r) => !authorized.meets(r.contract, r.logicalAddress))
    .map((r) => ({
      message: `routing for ${r.contract} at ${r.logicalAddress} to ${r.producer} in ${state.name} can be called by no consumer (no authorization on the address, its HSA parents, SE or *); authorize a consumer or remove the routing`,
      location: r.location,
      entity: r.key,
    }));
};

export default routingCallable;
