import type { EnvironmentState } from '../model/state';
import type { CheckResult, Finding, RuleContext, RuleSpec } from './types';
import { applySuppressions, refusal, type Suppressible } from './suppressions';

/** Where the pack lets each rule be suppressed. */
export function suppressibleOf(pack: readonly RuleSpec[]): Suppressible {
  return new Map(pack.flatMap((spec) => (spec.suppressible ? [[spec.id, spec.suppressible] as const] : [])));
}

/**
 * Runs every rule of the pack on one environment, at the levels its stage calls for. Suppressions
 * the pack does not allow in this stage suppress nothing (the suppression-allowed audit says why).
 */
export function checkEnvironment(state: EnvironmentState, pack: readonly RuleSpec[], context: RuleContext): Finding[] {
  const stage = state.environment?.stage ?? 'test';
  const findings: Finding[] = [];
  for (const spec of pack) {
    if (!spec.rule) continue;
    for (const f of spec.rule(state, context)) {
      findings.push({ ...f, rule: spec.id, level: spec.levels[stage], env: state.name });
    }
  }
  const suppressible = suppressibleOf(pack);
  const allowed = state.suppressions.filter((s) => refusal(s, stage, suppressible) === undefined);
  return applySuppressions(findings, allowed, context.now);
}

/**
 * Checks all given environments. A finding about shared configuration shows up once even though
 * every environment sees it; the audits (suppressions that matched nothing) then look at the whole
 * run; findings are ordered by file and line for stable reports.
 */
export function checkRepository(states: EnvironmentState[], pack: readonly RuleSpec[], context: RuleContext): CheckResult {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const state of states) {
    for (const f of checkEnvironment(state, pack, context)) {
      const key = [f.rule, f.location.file, f.location.line, f.location.col, f.message].join('\0');
      if (f.location.file.startsWith('environments/') || !seen.has(key)) findings.push(f);
      seen.add(key);
    }
  }
  findings.push(...audit(states, findings, pack, context));
  findings.sort(byLocation);
  return { findings, summary: summarize(findings) };
}

function audit(states: EnvironmentState[], findings: Finding[], pack: readonly RuleSpec[], context: RuleContext): Finding[] {
  const stageOf = new Map(states.map((s) => [s.name, s.environment?.stage ?? 'test'] as const));
  const ruleIds = new Set(pack.map((spec) => spec.id));
  const out: Finding[] = [];
  for (const spec of pack) {
    if (!spec.audit) continue;
    for (const f of spec.audit({ states, findings, ruleIds, suppressible: suppressibleOf(pack) }, context)) {
      out.push({ ...f, rule: spec.id, level: spec.levels[stageOf.get(f.env) ?? 'test'] });
    }
  }
  return out;
}

function byLocation(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    (a.location.col ?? 0) - (b.location.col ?? 0) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

export function summarize(findings: readonly Finding[]): CheckResult['summary'] {
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else if (f.level === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, suppressed };
}
