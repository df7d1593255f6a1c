import type { Plan } from '../plan';
import { count, countsLine, loudLines, sections } from './plan-lines';
import { escape } from './escape';
import { findingLine } from './validate-text';

/** Lists longer than this are summed up in one line in the terminal; the JSON report has them all. */
const INLINE_ITEMS = 3;

export function summaryLine(plan: Plan): string {
  const { errors, warnings } = plan.summary;
  return `${count(errors)} error${errors === 1 ? '' : 's'}, ${count(warnings)} warning${warnings === 1 ? '' : 's'}`;
}

/** For the terminal: per environment its counts, its findings, then its changes by system. */
export function renderPlanText(plan: Plan): string {
  const out = [`tak plan ${plan.base} → ${plan.head}`, ''];
  if (plan.baseProblems.length > 0) {
    out.push(`note: the base does not read cleanly (${count(plan.baseProblems.length)} problems); changes are against what could be read:`);
    for (const d of plan.baseProblems.slice(0, 10)) out.push(`  ${d.location.file}:${d.location.line} ${d.message}`);
    out.push('');
  }
  for (const e of plan.environments) out.push(`${e.changes.env}: ${countsLine(e.changes)}`);
  out.push('');
  for (const e of plan.environments) {
    out.push(`== ${e.changes.env}${e.changes.platform ? ` (${e.changes.platform})` : ''}: ${countsLine(e.changes)}`);
    for (const l of loudLines(e.changes)) out.push(`  ${l}`);
    for (const f of e.findings) out.push(findingLine(f));
    for (const s of sections(e.changes)) {
      out.push(`  ${s.title}`);
      for (const l of s.lines) out.push(`    ${l.text}${l.items.length > 0 && l.items.length <= INLINE_ITEMS ? `: ${l.items.join(', ')}` : ''}`);
    }
    if (e.order) out.push(`  order: ${count(e.order.inkludera.vagval.length)} vagval and ${count(e.order.inkludera.anropsbehorigheter.length)} anropsbehörigheter to include, ${count(e.order.exkludera.vagval.length)} and ${count(e.order.exkludera.anropsbehorigheter.length)} to exclude`);
    out.push('');
  }
  out.push(summaryLine(plan));
  // Every line holds users' values (names, messages, files): none may break it into two.
  return `${out.map((line) => escape(line, 'text')).join('\n')}\n`;
}
