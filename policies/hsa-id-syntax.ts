import type { Rule, RuleFinding } from '../src/check/types';
import { HSA_ID, isLogicalAddress } from '../src/model/syntax';
import type { Location } from '../src/model/diagnostics';
import { oncePerCatalog } from '../src/check/once-per-catalog';

/**
 * HSA-ids of systems and logical addresses as the platform accepts them: letters, digits, `_`
 * and `-`, 1 to 255 characters (`*` only as a logical address). Legacy rows may break this; the
 * platform refuses them on any new order.
 */
const hsaIdSyntax: Rule = (state) => {
  const out: RuleFinding[] = [...catalogIds(state.catalog)];
  for (const g of state.routingGroups) check(out, g.decl.producer, 'producer', g);
  for (const g of state.authorizationGroups) check(out, g.decl.consumer, 'consumer', g);
  return out;
};

/** The catalog's systems and logical addresses: the same for every environment, so checked once. */
const catalogIds = oncePerCatalog((catalog) => {
  const out: RuleFinding[] = [];
  for (const s of catalog.systems) check(out, s.hsaId, 'system HSA-id', s);
  for (const la of catalog.logicalAddresses) check(out, la.hsaId, 'logical address', la, isLogicalAddress(la.hsaId));
  return out;
});

/** What is checked, not its location: a group's line is found only for a finding. */
function check(out: RuleFinding[], value: string, what: string, at: { location: Location }, valid = HSA_ID.test(value)): void {
  if (!valid) {
    out.push({ message: `${what} "${value}" is not a valid HSA-id (letters, digits, _ and -, at most 255)`, location: at.location, entity: value });
  }
}

export default hsaIdSyntax;
