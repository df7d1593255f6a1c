import type { CheckResult } from '../check/types';

/** The machine-readable report: every finding with its location, and the counts. */
export function renderJson(result: CheckResult): string {
  const findings = result.findings.map((f) => ({
    rule: f.rule,
    level: f.level,
    message: f.message,
    file: f.location.file,
    line: f.location.line,
    col: f.location.col ?? 1,
    entity: f.entity ?? null,
    env: f.env,
    ...(f.suppressed ? { suppressed: { reason: f.suppressed.reason, ticket: f.suppressed.ticket ?? null, file: f.suppressed.location.file, line: f.suppressed.location.line } } : {}),
  }));
  return JSON.stringify({ findings, summary: result.summary }, null, 2) + '\n';
}
