import type { CheckResult, RuleSpec } from '../check/types';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: the rules with ids and help, and results with
 * physical locations relative to the repository root. Suppressed findings carry a suppression
 * with its justification, so code scanning shows them as dismissed rather than hiding them.
 */
/** A repository path as a relative URI reference: each segment percent-encoded (`#1 100%` is `%231%20100%25`). */
export const relativeUri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

export function renderSarif(result: CheckResult, pack: readonly RuleSpec[], version: string): string {
  const ids = pack.map((r) => r.id);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tak-gitops',
            version,
            informationUri: 'https://github.com/tak-gitops/tak-gitops',
            rules: pack.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.explanation },
              fullDescription: { text: r.explanation },
              help: { text: `${r.explanation} Levels: test ${r.levels.test}, qa ${r.levels.qa}, prod ${r.levels.prod}.` },
              defaultConfiguration: { level: r.levels.prod },
            })),
          },
        },
        results: result.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: Math.max(0, ids.indexOf(f.rule)),
          level: f.level,
          message: { text: `[${f.env}] ${f.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(f.location.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.location.line, startColumn: f.location.col ?? 1 },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: `${f.rule}:${f.env}:${f.entity ?? f.message}` },
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.ticket ? `${f.suppressed.reason} (${f.suppressed.ticket})` : f.suppressed.reason }] } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
