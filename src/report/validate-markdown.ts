import type { CheckResult } from '../check/types';
import { FINDINGS_TABLE, findingRow, md, statusIcon, suppressedTable } from './markdown';
import { summaryLine } from './validate-text';

/** A table for a pull-request comment: findings first, suppressed ones with their reasons after. */
export function renderMarkdown(result: CheckResult, environments: string[]): string {
  const open = result.findings.filter((f) => !f.suppressed);
  const out = [`### ${statusIcon(result.summary)} tak validate`, '', md(summaryLine(result, environments)), ''];
  if (open.length) {
    out.push(...FINDINGS_TABLE);
    for (const f of open) out.push(findingRow(f));
    out.push('');
  }
  out.push(...suppressedTable(result.findings));
  return out.join('\n');
}
