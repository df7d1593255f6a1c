import type { Rule } from '../src/check/types';
import { AddressTree, unmet } from '../src/check/lookup';
import { authorizationEntry } from '../src/resolve/expand';

/**
 * An authorization that no routing entry can serve (the platform's own consistency report): a call
 * it allows would find no routing on the address, its HSA parents, `SE` or `*`, nor below it.
 */
const authorizationReachable: Rule = (state) =>
  unmet(state.authorizationGroups, state.routingGroups, new AddressTree(state.catalog)).map(({ group, contract, address }) => {
    const a = authorizationEntry(group, contract, address);
    return {
      message: `authorization of ${a.consumer} for ${a.contract} at ${a.logicalAddress} reaches no routing in ${state.name} (not on the address, its HSA parents, SE or *); add the routing or remove the authorization`,
      location: a.location,
      entity: a.key,
    };
  });

export default authorizationReachable;
