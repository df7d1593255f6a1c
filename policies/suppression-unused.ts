import type { Audit } from '../src/check/types';
import { isoDay } from '../src/check/periods';
import { isExpired, refusal, suppressionKey } from '../src/check/suppressions';

/**
 * A suppression that accepted no finding in this run is stale: remove it. Suppressions in shared
 * files (config/) are judged only when every environment was checked, since they may be for one
 * that was not (`--env`).
 */
const suppressionUnused: Audit = ({ states, findings, ruleIds, suppressible }, { now, repository }) => {
  const day = isoDay(now);
  const used = new Set(findings.flatMap((f) => (f.suppressed ? [suppressionKey(f.suppressed.location)] : [])));
  const everyEnvironment = states.length === repository.environments.size;
  const seen = new Set<string>();
  const out: ReturnType<Audit> = [];
  for (const state of states) {
    for (const s of state.suppressions) {
      const key = suppressionKey(s.location);
      // One that is not allowed here is reported by suppression-allowed instead.
      if (seen.has(key) || used.has(key) || isExpired(s, day) || refusal(s, state.environment?.stage ?? 'test', suppressible)) continue;
      seen.add(key);
      if (!everyEnvironment && !s.file.startsWith('environments/')) continue;
      const what = `suppression of ${s.decl.rule}${s.decl.entity ? ` for ${s.decl.entity}` : ''}`;
      const message = ruleIds.has(s.decl.rule)
        ? `${what} matches no finding; remove it`
        : `${what} names no rule of the pack (see tak rules); fix the rule id or remove it`;
      out.push({ message, location: s.location, env: state.name });
    }
  }
  return out;
};

export default suppressionUnused;
