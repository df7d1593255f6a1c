import type { Suppression } from '../model/state';
import type { Finding } from './types';

/**
 * A suppression accepts the findings of its rule that are located in its own file, or, when it
 * names an entity, the findings about that entity wherever they are.
 */
export function matches(s: Suppression, f: Finding): boolean {
  if (s.decl.rule !== f.rule) return false;
  if (s.decl.entity) return s.decl.entity.toLowerCase() === f.entity?.toLowerCase();
  return s.file === f.location.file;
}

export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.map((f) => {
    const s = suppressions.find((candidate) => matches(candidate, f));
    if (!s) return f;
    return { ...f, suppressed: { reason: s.decl.reason, ticket: s.decl.ticket, location: s.location } };
  });
}
