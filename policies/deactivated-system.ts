import type { Rule, RuleFinding } from '../src/check/types';
import { systemName } from '../src/check/addresses';
import type { Location } from '../src/model/diagnostics';

/**
 * A deactivated system keeps what it had but gets nothing new. Without the base revision (that is
 * `tak plan`'s gate) any routing or authorization for it is new unless its group says
 * `preExisting: true`.
 */
const deactivatedSystem: Rule = (state) => {
  const out: RuleFinding[] = [];
  const check = (hsaId: string, role: string, preExisting: boolean | undefined, at: { location: Location }) => {
    const system = state.catalog.systemIndex.get(hsaId.toLowerCase());
    const deactivated = system?.decl.deactivated;
    if (!system || !deactivated || preExisting) return;
    out.push({
      message: `${role} ${systemName(system)} was deactivated on ${deactivated.date} and gets no new ${role === 'producer' ? 'routing' : 'authorization'}; remove it, or mark the group preExisting: true if it was there before`,
      location: at.location,
      entity: system.hsaId,
    });
  };
  for (const g of state.routingGroups) check(g.decl.producer, 'producer', g.decl.preExisting, g);
  for (const g of state.authorizationGroups) check(g.decl.consumer, 'consumer', g.decl.preExisting, g);
  return out;
};

export default deactivatedSystem;
