import type { Rule } from '../src/check/types';

/** A connection in a qa environment names the requester's approved self-declaration (självdeklaration) of its tests. */
const selfDeclarationEvidence: Rule = (state) => {
  if (state.environment?.stage !== 'qa') return [];
  return state.connections
    .filter((c) => !c.decl.testEvidence?.selfDeclaration && (c.decl.routing.length > 0 || c.decl.authorizations.length > 0))
    .map((c) => ({
      message: `connection ${c.file} in ${state.name} (stage qa) has no self-declaration; add testEvidence.selfDeclaration: { ref: <document>, approved: YYYY-MM-DD }`,
      location: c.locator.locate(c.decl.testEvidence ? ['testEvidence'] : []),
      entity: c.file,
    }));
};

export default selfDeclarationEvidence;
