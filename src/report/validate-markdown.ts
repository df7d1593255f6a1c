import type { CheckResult } from '../check/types';
import { cell, code, FINDINGS_TABLE, findingRow, statusIcon } from './markdown';
import { summaryLine } from './validate-text';

/** A table for a pull-request comment: findings first, suppressed ones with their reasons after. */
export function renderMarkdown(result: CheckResult, environments: string[]): string {
  const open = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  const out = [`### ${statusIcon(result.summary)} tak validate`, '', summaryLine(result, environments), ''];
  if (open.length) {
    out.push(...FINDINGS_TABLE);
    for (const f of open) out.push(findingRow(f));
    out.push('');
  }
  if (suppressed.length) {
    out.push('<details><summary>Suppressed findings</summary>', '', '| rule | where | message | reason |', '| --- | --- | --- | --- |');
    for (const f of suppressed) out.push(`| ${code(f.rule)} | ${code(`${f.location.file}:${f.location.line}`)} | ${cell(f.message)} | ${cell(f.suppressed!.reason + (f.suppressed!.ticket ? ` (${f.suppressed!.ticket})` : ''))} |`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
