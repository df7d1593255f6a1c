/** Pieces of the Markdown reports (validate and plan), so both pull-request comments read alike. */
import type { CheckResult, Finding } from '../check/types';
import { escape } from './escape';

/** A user's value as Markdown text (in a paragraph, a table cell, a heading or a <summary>). */
export const md = (s: string) => escape(s, 'markdown');

/** A user's value as a code span. */
export const code = (s: string) => `\`${escape(s, 'code')}\``;

export const statusIcon = ({ errors, warnings }: CheckResult['summary']) => (errors ? '❌' : warnings ? '⚠️' : '✅');

export const FINDINGS_TABLE = ['| level | rule | env | where | message |', '| --- | --- | --- | --- | --- |'];

export const findingRow = (f: Finding) => `| ${f.level} | ${code(f.rule)} | ${md(f.env)} | ${code(`${f.location.file}:${f.location.line}`)} | ${md(f.message)} |`;

/** Suppressed findings, folded, each with the reason (and ticket) that accepted it; at most `rows` of them. */
export function suppressedTable(findings: readonly Finding[], rows = Infinity): string[] {
  const suppressed = findings.filter((f) => f.suppressed);
  if (suppressed.length === 0) return [];
  const more = suppressed.length > rows ? [`| … and ${suppressed.length - rows} more | | | |`] : [];
  const reason = (f: Finding) => f.suppressed!.reason + (f.suppressed!.ticket ? ` (${f.suppressed!.ticket})` : '');
  return [
    '<details><summary>Suppressed findings</summary>',
    '',
    '| rule | where | message | reason |',
    '| --- | --- | --- | --- |',
    ...suppressed.slice(0, rows).map((f) => `| ${code(f.rule)} | ${code(`${f.location.file}:${f.location.line}`)} | ${md(f.message)} | ${md(reason(f))} |`),
    ...more,
    '',
    '</details>',
    '',
  ];
}
