/**
 * The plan as a pull-request comment: a summary table, the findings, then per environment the
 * changes by system, mass connections folded in <details>. A comment holds at most 65,536
 * characters: past that, the findings table is shortened, then the folded lists show only their
 * first addresses (fewer and fewer, down to none), then the end is cut, and the comment says where
 * the full report is.
 */
import type { Plan } from '../plan';
import { code, FINDINGS_TABLE, findingRow, md, statusIcon, suppressedTable } from './markdown';
import { count, countsLine, loudLines, sections, type ChangeLine } from './plan-lines';
import { summaryLine } from './plan-text';

export const COMMENT_LIMIT = 65_536;
/** Lists of this many or fewer are written on the line itself. */
const INLINE_ITEMS = 3;

export interface MarkdownOptions {
  limit?: number;
  /** Where the full report is (the --out folder), for the note when the comment is cut. */
  fullReport?: string;
}

/** Lists show at most `fold` items, so a reviewer still sees which addresses (the line says how many). */
function changeLine(l: ChangeLine, fold: number): string[] {
  const text = md(l.text);
  if (l.items.length === 0) return [`- ${text}`];
  if (l.items.length <= INLINE_ITEMS) return [`- ${text}: ${l.items.map(code).join(', ')}`];
  if (fold === 0) return [`- ${text}`];
  const rest = l.items.length - fold;
  // Plain text, not code spans: 3,000 HSA-ids then fit in one comment.
  const list = rest > 0 ? `${md(l.items.slice(0, fold).join(', '))}, … and ${count(rest)} more` : md(l.items.join(', '));
  return [`- <details><summary>${text}</summary>`, '', `  ${list}`, '', '  </details>'];
}

/** Shorter and shorter renderings: all of it, fewer finding rows, then ever shorter lists. */
const STEPS: [fold: number, findingRows: number][] = [[Infinity, Infinity], [Infinity, 100], [1000, 100], [300, 100], [100, 100], [0, 100]];

function render(plan: Plan, fold: number, findingRows: number): string[] {
  const out = [`### ${statusIcon(plan.summary)} tak plan ${code(plan.base)} → ${code(plan.head)}`, '', '| environment | changes |', '| --- | --- |'];
  for (const e of plan.environments) out.push(`| ${md(e.changes.env)} | ${md(countsLine(e.changes))} |`);
  out.push('', summaryLine(plan), '');
  if (plan.baseProblems.length > 0) {
    out.push(`> The base does not read cleanly (${count(plan.baseProblems.length)} problems, the first: ${code(`${plan.baseProblems[0].location.file}:${plan.baseProblems[0].location.line}`)} ${md(plan.baseProblems[0].message)}); changes are against what could be read.`, '');
  }
  const loud = plan.environments.flatMap((e) => loudLines(e.changes).map((l) => `- **${md(e.changes.env)}** ${md(l)}`));
  if (loud.length > 0) out.push('#### ⚠ Changes to what is trusted or enforced', '', ...loud, '');
  const all = plan.environments.flatMap((e) => e.findings);
  const findings = all.filter((f) => !f.suppressed);
  if (findings.length > 0) {
    out.push('#### Findings', '', ...FINDINGS_TABLE);
    for (const f of findings.slice(0, findingRows)) out.push(findingRow(f));
    if (findings.length > findingRows) out.push('', `… and ${count(findings.length - findingRows)} more findings.`);
    out.push('');
  }
  out.push(...suppressedTable(all, findingRows));
  for (const e of plan.environments) {
    const s = sections(e.changes);
    if (s.length === 0 && e.changes.presence === 'both') continue;
    out.push(`#### ${md(e.changes.env)}${e.changes.platform ? ` (${md(e.changes.platform)})` : ''}`, '', md(countsLine(e.changes)), '');
    for (const section of s) {
      out.push(`**${md(section.title)}**`, '');
      for (const l of section.lines) out.push(...changeLine(l, fold));
      out.push('');
    }
  }
  return out;
}

export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const full = `${render(plan, Infinity, Infinity).join('\n')}\n`;
  if (full.length <= limit) return full;
  const where = options.fullReport ? `the full report is in ${code(options.fullReport)}` : `run ${code('tak plan --out DIR')} for the full report`;
  const note = `\n> This comment is shortened to fit a pull-request comment; ${where}.\n`;
  let lines: string[] = [];
  for (const [fold, rows] of STEPS.slice(1)) {
    lines = render(plan, fold, rows);
    if (lines.join('\n').length + 1 + note.length <= limit) return `${lines.join('\n')}\n${note}`;
  }
  let text = `${lines.join('\n')}\n`;
  while (text.length + note.length > limit && lines.length > 0) {
    lines.splice(Math.max(0, lines.length - Math.max(1, Math.ceil(lines.length / 20))));
    text = `${lines.join('\n')}\n\n…\n`;
  }
  return text + note;
}
