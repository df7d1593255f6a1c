import type { Rule } from '../src/check/types';
import { isoDay } from '../src/check/periods';
import { isExpired } from '../src/check/suppressions';

/**
 * A suppression past its `expires` date is itself an error, and no longer accepts its finding:
 * the finding is reported again until it is fixed or the suppression renewed.
 */
const suppressionExpired: Rule = (state, { now }) => {
  const day = isoDay(now);
  return state.suppressions
    .filter((s) => isExpired(s, day))
    .map((s) => ({
      message: `suppression of ${s.decl.rule}${s.decl.entity ? ` for ${s.decl.entity}` : ''} expired on ${s.decl.expires}${s.decl.ticket ? ` (${s.decl.ticket})` : ''}; fix the finding, or renew the suppression with a new expiry and reason`,
      location: s.location,
    }));
};

export default suppressionExpired;
