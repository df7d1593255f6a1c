import type { Rule, RuleFinding } from '../src/check/types';
import type { EnvironmentState } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';
import { resolveContractRef } from '../src/resolve/contracts';

/**
 * Process gate of `tak plan` (needs the base): a system or contract removed by this change (from
 * config/, or a contract from this environment's installed contracts) must no longer be named by
 * routing or authorizations; the platform does not delete what is still referenced.
 */
const removedStillReferenced: Rule = (state, { base }) => {
  if (!base) return [];
  const out: RuleFinding[] = [];
  const installed = (s: EnvironmentState) => new Set(s.installedContracts.map((c) => naturalKey(c.namespace ?? c.ref)));
  const [was, is] = [installed(base), installed(state)];
  const removedContract = (namespace: string) => {
    const key = naturalKey(namespace);
    if (base.catalog.contractIndex.has(key) && !state.catalog.contractIndex.has(key)) return 'removed from config/service-domains/';
    if (was.has(key) && !is.has(key)) return `no longer installed in ${state.name}`;
    return undefined;
  };
  const removedSystem = (hsaId: string) => {
    const key = naturalKey(hsaId);
    return base.catalog.systemIndex.has(key) && !state.catalog.systemIndex.has(key);
  };
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) {
    const [role, system] = 'producer' in g.decl ? ['producer', g.decl.producer] : ['consumer', g.decl.consumer];
    if (removedSystem(system)) {
      out.push({ message: `system ${system} is removed from config/systems/, but this ${role} group still names it; remove its routing and authorizations first`, location: g.location, entity: system });
    }
    for (const c of g.contracts) {
      // A contract removed from config/ no longer resolves at the head: resolve it as the base did.
      const namespace = c.namespace ?? resolveContractRef(c.ref, base.catalog.contractIndex, base.catalog.contractsByShortName).namespace ?? c.ref;
      const why = removedContract(namespace);
      if (why) out.push({ message: `service contract ${c.ref} is ${why}, but this group still uses it; remove its routing and authorizations first`, location: c.location, entity: namespace });
    }
  }
  return out;
};

export default removedStillReferenced;
