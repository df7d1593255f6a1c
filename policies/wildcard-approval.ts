import type { Rule, RuleFinding } from '../src/check/types';
import { coversEverything } from '../src/check/lookup';

/**
 * Routing or authorization on `*` or `SE` covers every unit in the country, so it needs an explicit
 * `wildcardApproval: { ref, approved }` on its group: an error in production, a warning elsewhere.
 */
const wildcardApproval: Rule = (state) => {
  const out: RuleFinding[] = [];
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) {
    if (g.decl.wildcardApproval) continue;
    // By number: a group's listed addresses (and their lines) are made only for a finding.
    for (let i = 0; i < g.addressIds.length; i++) {
      if (!coversEverything(g.addressIds[i])) continue;
      const a = g.addresses[i];
      const what = 'producer' in g.decl ? `routing to ${g.decl.producer}` : `authorization of ${g.decl.consumer}`;
      out.push({
        message: `${what} on logical address ${a.logicalAddress} covers every address and has no approval; add wildcardApproval: { ref: <decision>, approved: YYYY-MM-DD } to the group`,
        location: a.location,
        entity: a.logicalAddress,
      });
    }
  }
  return out;
};

export default wildcardApproval;
