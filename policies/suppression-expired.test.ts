import { check, connectionYaml, lines } from '../test/helpers/repo';

/** qa routes a contract test lacks (a promotion warning), accepted by a suppression in the same file. */
const suppressed = (expires: string) => ({
  'environments/qa/connections/forms.yaml': connectionYaml('qa', {
    contracts: ['GetForms:2', 'GetForm:2'],
    tail: ['suppressions:', `  - { rule: promotion, reason: Hotfix ordered directly in qa, ticket: INC-4711, expires: ${expires} }`],
  }),
});

describe('suppression-expired', () => {
  it('accepts a suppression until and including its expiry date', async () => {
    const { findings } = await check(suppressed('2026-06-01'));
    expect(lines(findings, 'suppression-expired')).toEqual([]);
    expect(lines(findings, 'promotion')).toEqual([]);
    expect(findings.filter((f) => f.suppressed).map((f) => f.suppressed!.reason)).toEqual(['Hotfix ordered directly in qa', 'Hotfix ordered directly in qa']);
  });

  it('reports an expired suppression as an error, and the findings it accepted come back', async () => {
    const { findings, summary } = await check(suppressed('2026-05-31'));
    expect(lines(findings, 'suppression-expired')).toEqual([
      'qa environments/qa/connections/forms.yaml:15 error suppression of promotion expired on 2026-05-31 (INC-4711); fix the finding, or renew the suppression with a new expiry and reason',
    ]);
    expect(lines(findings, 'promotion')).toHaveLength(2);
    expect(summary).toEqual({ errors: 1, warnings: 2, suppressed: 0 });
  });
});
