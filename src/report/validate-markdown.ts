import type { CheckResult } from '../check/types';
import { summaryLine } from './validate-text';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A table for a pull-request comment: findings first, suppressed ones with their reasons after. */
export function renderMarkdown(result: CheckResult, environments: string[]): string {
  const open = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  const icon = result.summary.errors ? '❌' : result.summary.warnings ? '⚠️' : '✅';
  const out = [`### ${icon} tak validate`, '', summaryLine(result, environments), ''];
  if (open.length) {
    out.push('| level | rule | env | where | message |', '| --- | --- | --- | --- | --- |');
    for (const f of open) out.push(`| ${f.level} | \`${f.rule}\` | ${f.env} | \`${f.location.file}:${f.location.line}\` | ${cell(f.message)} |`);
    out.push('');
  }
  if (suppressed.length) {
    out.push('<details><summary>Suppressed findings</summary>', '', '| rule | where | message | reason |', '| --- | --- | --- | --- |');
    for (const f of suppressed) out.push(`| \`${f.rule}\` | \`${f.location.file}:${f.location.line}\` | ${cell(f.message)} | ${cell(f.suppressed!.reason + (f.suppressed!.ticket ? ` (${f.suppressed!.ticket})` : ''))} |`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
