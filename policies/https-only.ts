import type { Rule, RuleFinding } from '../src/check/types';
import { policyOf } from '../src/check/settings';

/**
 * Producer URLs use https where the environment requires it (`policy.requireHttps`, by default in
 * prod): the platform must not send patient data in clear text.
 */
const httpsOnly: Rule = (state) => {
  if (!policyOf(state).requireHttps) return [];
  const out: RuleFinding[] = [];
  for (const g of state.routingGroups) {
    for (const c of g.contracts) {
      if (!/^http:/i.test(c.url)) continue;
      const https = c.url.replace(/^http:/i, 'https:');
      out.push({ message: `endpoint URL "${c.url}" for ${c.ref} is plain http, and ${state.name} requires https; use ${https} (the producer's TLS endpoint)`, location: c.location, entity: c.url });
    }
  }
  return out;
};

export default httpsOnly;
