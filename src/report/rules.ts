import type { RuleSpec } from '../check/types';
import type { Stage } from '../model/schemas';
import { SUPPRESSION_RULE_PREFIX } from '../check/suppressions';

const STAGES: Stage[] = ['test', 'qa', 'prod'];

/** `tak rules` as text: one aligned row per rule. */
export function renderRulesText(pack: readonly RuleSpec[]): string {
  const width = Math.max(...pack.map((r) => r.id.length), 'rule'.length);
  const row = (id: string, levels: string[], text: string) => `${id.padEnd(width)}  ${levels.map((l) => l.padEnd(7)).join(' ')}  ${text}`;
  return [row('rule', STAGES, 'explanation'), ...pack.map((r) => row(r.id, STAGES.map((s) => r.levels[s]), r.explanation))].join('\n') + '\n';
}

/** The Markdown table, which is also policies/RULES.md. */
export function renderRulesMarkdown(pack: readonly RuleSpec[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Policy rules',
    '',
    '<!-- Generated from policies/pack.ts by `npm run rules:doc`; do not edit by hand. -->',
    '',
    'Each rule is one file under `policies/` (file name = rule id). The level of its findings depends on',
    "the environment's stage. Suppress a finding in the declaration file with",
    '`suppressions: [{ rule, entity?, reason, ticket?, expires? }]`, where the pack allows it (column',
    '"suppressible in"); in qa and prod a suppression needs a ticket and an expiry date.',
    '',
    '| rule | test | qa | prod | suppressible in | explanation |',
    '| --- | --- | --- | --- | --- | --- |',
    ...pack.map((r) => `| \`${r.id}\` | ${STAGES.map((s) => r.levels[s]).join(' | ')} | ${suppressibleIn(r)} | ${cell(r.explanation)} |`),
    '',
  ].join('\n');
}

/** The rules about suppressions themselves are never suppressible. */
const stagesOf = (r: RuleSpec): readonly Stage[] => (r.id.startsWith(SUPPRESSION_RULE_PREFIX) ? [] : (r.suppressible ?? STAGES));
const suppressibleIn = (r: RuleSpec) => stagesOf(r).join(', ') || 'never';

export function renderRulesJson(pack: readonly RuleSpec[]): string {
  return JSON.stringify(pack.map((r) => ({ id: r.id, levels: r.levels, suppressible: stagesOf(r), explanation: r.explanation })), null, 2) + '\n';
}
