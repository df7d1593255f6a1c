import type { Rule, RuleFinding } from '../src/check/types';
import { eachCertificate } from '../src/check/certificates';
import { isoDay } from '../src/check/periods';
import { policyOf } from '../src/check/settings';
import { validity } from '../src/certs/read';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A certificate that expires within the environment's warning window
 * (`policy.certificateExpiryWarningDays`, default 30), so that it is renewed in time.
 */
const certificateExpiring: Rule = (state, { now }) => {
  const window = policyOf(state).certificateExpiryWarningDays * DAY_MS;
  const out: RuleFinding[] = [];
  for (const { use, cert, label } of eachCertificate(state)) {
    const { to } = validity(cert);
    const left = to.getTime() - now.getTime();
    if (left < 0 || left > window) continue;
    const days = Math.floor(left / DAY_MS);
    out.push({ message: `${label} expires on ${isoDay(to)} (in ${days} day${days === 1 ? '' : 's'}); renew it`, location: use.location, entity: use.entity });
  }
  return out;
};

export default certificateExpiring;
