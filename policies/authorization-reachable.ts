import type { Rule } from '../src/check/types';
import { AddressTree, Coverage } from '../src/check/lookup';

/**
 * An authorization that no routing entry can serve (the platform's own consistency report): a call
 * it allows would find no routing on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const authorizationReachable: Rule = (state) => {
  const routing = new Coverage(new AddressTree(state.catalog), state.routing);
  return state.authorizations
    .filter((a) => !routing.meets(a.contract, a.logicalAddress))
    .map((a) => ({
      message: `authorization of ${a.consumer} for ${a.contract} at ${a.logicalAddress} reaches no routing in ${state.name} (not on the address, its HSA parents, SE or *); add the routing or remove the authorization`,
      location: a.location,
      entity: a.key,
    }));
};

export default authorizationReachable;
