import type { Suppression } from '../model/state';
import type { Location } from '../model/diagnostics';
import type { Stage } from '../model/schemas';
import type { Finding } from './types';
import { isoDay } from './periods';

/** The rules about suppressions themselves cannot be suppressed (that would switch the bookkeeping off). */
export const SUPPRESSION_RULE_PREFIX = 'suppression-';

/**
 * A suppression accepts the findings of its rule that are located in its own file, or, when it
 * names an entity, the findings about that entity wherever they are.
 */
export function matches(s: Suppression, f: Finding): boolean {
  if (s.decl.rule !== f.rule) return false;
  if (s.decl.entity) return s.decl.entity.toLowerCase() === f.entity?.toLowerCase();
  return s.file === f.location.file;
}

/** Per rule id, the stages in which the pack lets it be suppressed (a rule not in the map: any stage). */
export type Suppressible = ReadonlyMap<string, readonly Stage[]>;

/**
 * Why a suppression may not be used in an environment of `stage`, or undefined when it may: the pack
 * does not allow its rule to be suppressed there, or (in qa and prod) it has no ticket or no expiry.
 */
export function refusal(s: Suppression, stage: Stage, suppressible: Suppressible): string | undefined {
  const stages = suppressible.get(s.decl.rule);
  if (stages && !stages.includes(stage)) {
    return `rule ${s.decl.rule} may not be suppressed in ${stage} (the pack allows it in: ${stages.join(', ') || 'no stage'}); fix what it reports instead`;
  }
  const missing = [s.decl.ticket ? undefined : 'ticket', s.decl.expires ? undefined : 'expires'].filter((x) => x !== undefined);
  if (stage !== 'test' && missing.length > 0) return `a suppression in ${stage} needs a ticket and an expires date; add ${missing.join(' and ')}`;
  return undefined;
}

/** Expired on `day` (YYYY-MM-DD): the expiry date itself is the last day it holds. */
export function isExpired(s: Suppression, day: string): boolean {
  return s.decl.expires !== undefined && s.decl.expires < day;
}

/** Identifies a suppression across environments (the shared ones are seen by every environment). */
export function suppressionKey(location: Location): string {
  return `${location.file}:${location.line}:${location.col ?? 1}`;
}

/**
 * Marks the findings that a live suppression accepts. An expired suppression accepts nothing, so
 * its finding is reported again (and the suppression-expired rule says why).
 */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[], now: Date): Finding[] {
  const day = isoDay(now);
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    if (isExpired(s, day)) continue;
    byRule.set(s.decl.rule, [...(byRule.get(s.decl.rule) ?? []), s]);
  }
  if (byRule.size === 0) return findings;
  return findings.map((f) => {
    if (f.rule.startsWith(SUPPRESSION_RULE_PREFIX)) return f;
    const s = byRule.get(f.rule)?.find((candidate) => matches(candidate, f));
    if (!s) return f;
    return { ...f, suppressed: { reason: s.decl.reason, ticket: s.decl.ticket, location: s.location } };
  });
}
