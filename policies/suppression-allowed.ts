import type { Audit } from '../src/check/types';
import { refusal } from '../src/check/suppressions';

/**
 * A suppression is used only where the pack allows it: no certificate, trust, gate or syntax rule
 * in prod, and in qa and prod only with a ticket and an expiry date. One that is not allowed
 * suppresses nothing; this says why, once per suppression and environment.
 */
const suppressionAllowed: Audit = ({ states, suppressible }) => {
  const out: ReturnType<Audit> = [];
  for (const state of states) {
    const stage = state.environment?.stage ?? 'test';
    for (const s of state.suppressions) {
      const why = refusal(s, stage, suppressible);
      if (why) out.push({ message: `suppression of ${s.decl.rule} in ${state.name}: ${why}`, location: s.location, env: state.name });
    }
  }
  return out;
};

export default suppressionAllowed;
