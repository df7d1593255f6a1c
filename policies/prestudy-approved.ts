import type { Rule } from '../src/check/types';

/**
 * A connection in a qa or prod environment refers to its approved pre-study (förstudie):
 * `prestudy: { ref, approved }`. Test environments need none.
 */
const prestudyApproved: Rule = (state) => {
  const stage = state.environment?.stage;
  if (stage !== 'qa' && stage !== 'prod') return [];
  return state.connections
    .filter((c) => !c.decl.prestudy && (c.decl.routing.length > 0 || c.decl.authorizations.length > 0))
    .map((c) => ({
      message: `connection ${c.file} in ${state.name} (stage ${stage}) has no approved pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }`,
      location: c.locator.locate([]),
      entity: c.file,
    }));
};

export default prestudyApproved;
