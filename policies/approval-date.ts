import type { Rule, RuleFinding } from '../src/check/types';
import { isoDay } from '../src/check/periods';
import type { Approval } from '../src/model/schemas';

/** An approval on record (pre-study, test evidence, wildcard) is dated today or earlier, never in the future. */
const approvalDate: Rule = (state, { now }) => {
  const today = isoDay(now);
  const out: RuleFinding[] = [];
  const check = (approval: Approval | undefined, what: string, locate: () => RuleFinding['location'], entity: string) => {
    if (!approval || approval.approved <= today) return;
    out.push({ message: `${what} ${approval.ref} is dated ${approval.approved}, after today (${today}); an approval cannot lie in the future: correct the date, or wait for the approval`, location: locate(), entity });
  };
  for (const c of state.connections) {
    check(c.decl.prestudy, 'pre-study', () => c.locator.locate(['prestudy', 'approved']), c.file);
    check(c.decl.testEvidence?.selfDeclaration, 'self-declaration', () => c.locator.locate(['testEvidence', 'selfDeclaration', 'approved']), c.file);
    check(c.decl.testEvidence?.endToEnd, 'End-2-End test', () => c.locator.locate(['testEvidence', 'endToEnd', 'approved']), c.file);
  }
  for (const g of [...state.routingGroups, ...state.authorizationGroups]) check(g.decl.wildcardApproval, 'wildcard approval', () => g.location, g.connection.file);
  return out;
};

export default approvalDate;
