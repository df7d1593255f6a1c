import type { Rule, RuleFinding } from '../src/check/types';
import { systemName } from '../src/check/addresses';

/**
 * A consumer authorized in an environment declares its source addresses there, so that the
 * ingress allowlist lets its calls in. Reported once per consumer and connection file.
 */
const consumerSourceAddresses: Rule = (state) => {
  const out: RuleFinding[] = [];
  const reported = new Set<string>();
  for (const group of state.authorizationGroups) {
    const system = state.catalog.systemIndex.get(group.decl.consumer.toLowerCase());
    if (!system || (system.decl.environments[state.name]?.sourceAddresses.length ?? 0) > 0) continue;
    const once = `${system.key}\0${group.connection.file}`;
    if (reported.has(once)) continue;
    reported.add(once);
    out.push({
      message: `consumer ${systemName(system)} is authorized in ${state.name} but declares no source addresses there; add environments.${state.name}.sourceAddresses (CIDRs) to ${system.file}`,
      location: group.location,
      entity: system.hsaId,
    });
  }
  return out;
};

export default consumerSourceAddresses;
