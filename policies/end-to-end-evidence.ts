import type { Rule } from '../src/check/types';

/** A connection in a prod environment has approved End-2-End test evidence from qa. */
const endToEndEvidence: Rule = (state) => {
  if (state.environment?.stage !== 'prod') return [];
  return state.connections
    .filter((c) => !c.decl.testEvidence?.endToEnd && (c.decl.routing.length > 0 || c.decl.authorizations.length > 0))
    .map((c) => ({
      message: `connection ${c.file} in ${state.name} (stage prod) has no approved End-2-End test; add testEvidence.endToEnd: { ref: <report>, approved: YYYY-MM-DD }`,
      location: c.locator.locate(c.decl.testEvidence ? ['testEvidence'] : []),
      entity: c.file,
    }));
};

export default endToEndEvidence;
