import type { Rule, RuleFinding } from '../src/check/types';
import { HSA_ID, isLogicalAddress } from '../src/model/syntax';
import type { Location } from '../src/model/diagnostics';

/**
 * HSA-ids of systems and logical addresses as the platform accepts them: letters, digits, `_`
 * and `-`, 1 to 255 characters (`*` only as a logical address). Legacy rows may break this; the
 * platform refuses them on any new order.
 */
const hsaIdSyntax: Rule = (state) => {
  const out: RuleFinding[] = [];
  // What is checked, not its location: a group's line is found only for a finding.
  const check = (value: string, what: string, at: { location: Location }, valid = HSA_ID.test(value)) => {
    if (!valid) {
      out.push({ message: `${what} "${value}" is not a valid HSA-id (letters, digits, _ and -, at most 255)`, location: at.location, entity: value });
    }
  };
  for (const s of state.catalog.systems) check(s.hsaId, 'system HSA-id', s);
  for (const la of state.catalog.logicalAddresses) check(la.hsaId, 'logical address', la, isLogicalAddress(la.hsaId));
  for (const g of state.routingGroups) check(g.decl.producer, 'producer', g);
  for (const g of state.authorizationGroups) check(g.decl.consumer, 'consumer', g);
  return out;
};

export default hsaIdSyntax;
