import type { CheckResult, Finding } from '../check/types';
import { escape } from './escape';

/** `path:line:col level rule message`; a suppressed finding says so, with its reason and ticket. */
export function findingLine(f: Finding): string {
  const { file, line: l, col } = f.location;
  const level = f.suppressed ? 'suppressed' : f.level;
  const note = f.suppressed ? ` (suppressed: ${f.suppressed.reason}${f.suppressed.ticket ? `, ${f.suppressed.ticket}` : ''})` : '';
  return `${file}:${l}:${col ?? 1} ${level} ${f.rule} ${f.message}${note}`;
}

export function summaryLine({ summary }: CheckResult, environments: string[]): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${suppressed} in ${plural(environments.length, 'environment')} (${environments.join(', ') || 'none'})`;
}

/** `path:line:col level rule message`, one per finding, then the summary. */
export function renderText(result: CheckResult, environments: string[]): string {
  // Every line holds users' values (names, messages, files): none may break it into two.
  return [...result.findings.map(findingLine), summaryLine(result, environments)].map((line) => escape(line, 'text')).join('\n') + '\n';
}
