import type { Rule, RuleFinding } from '../src/check/types';

/** A contract can only be routed or authorized in an environment where it is installed. */
const contractInstalled: Rule = (state) => {
  const installed = new Set(state.installedContracts.flatMap((c) => (c.namespace ? [c.namespace.toLowerCase()] : [])));
  const out: RuleFinding[] = [];
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) {
    for (const c of g.contracts) {
      if (!c.namespace || installed.has(c.namespace.toLowerCase())) continue;
      out.push({
        message: `service contract ${c.namespace} is not installed in ${state.name}; add it to installedContracts in environments/${state.name}/environment.yaml`,
        location: c.location,
        entity: c.namespace,
      });
    }
  }
  return out;
};

export default contractInstalled;
