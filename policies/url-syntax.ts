import type { Rule, RuleFinding } from '../src/check/types';
import { ENDPOINT_URL } from '../src/model/syntax';

/** Why a producer URL would be refused, or undefined when the platform accepts it. */
function urlProblem(url: string): string | undefined {
  if (!ENDPOINT_URL.test(url)) return 'has characters the platform refuses or is not 5 to 255 characters long';
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'is not an http(s) URL';
  } catch {
    return 'is not a URL';
  }
  return undefined;
}

/** Producer endpoints (anropsadress) as the platform validates them. */
const urlSyntax: Rule = (state) => {
  const out: RuleFinding[] = [];
  for (const g of state.routingGroups) {
    for (const c of g.contracts) {
      const problem = urlProblem(c.url);
      if (problem) out.push({ message: `endpoint URL "${c.url}" for ${c.ref} ${problem}`, location: c.location, entity: c.url });
    }
  }
  return out;
};

export default urlSyntax;
