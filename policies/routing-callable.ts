import type { Rule } from '../src/check/types';
import { AddressTree, unmet } from '../src/check/lookup';
import { routingEntry } from '../src/resolve/expand';

/**
 * A routing entry that no consumer may call (the platform's own consistency report): no
 * authorization for its contract on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const routingCallable: Rule = (state) =>
  unmet(state.routingGroups, state.authorizationGroups, new AddressTree(state.catalog)).map(({ group, contract, address }) => {
    const r = routingEntry(group, contract, address);
    return {
      message: `routing for ${r.contract} at ${r.logicalAddress} to ${r.producer} in ${state.name} can be called by no consumer (no authorization on the address, its HSA parents, SE or *); authorize a consumer or remove the routing`,
      location: r.location,
      entity: r.key,
    };
  });

export default routingCallable;
