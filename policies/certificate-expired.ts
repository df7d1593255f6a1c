import type { Rule, RuleFinding } from '../src/check/types';
import { eachCertificate } from '../src/check/certificates';
import { isoDay } from '../src/check/periods';
import { validity } from '../src/certs/read';

/** A certificate that has expired or is not yet valid, judged against the injected clock. */
const certificateExpired: Rule = (state, { now }) => {
  const out: RuleFinding[] = [];
  for (const { use, cert, label } of eachCertificate(state)) {
    const { from, to } = validity(cert);
    if (to < now) out.push({ message: `${label} expired on ${isoDay(to)}; replace it`, location: use.location, entity: use.entity });
    else if (from > now) out.push({ message: `${label} is not valid until ${isoDay(from)}`, location: use.location, entity: use.entity });
  }
  return out;
};

export default certificateExpired;
