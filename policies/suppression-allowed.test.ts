import { check, connectionYaml, lines } from '../test/helpers/repo';

/** A connection in `env` that routes a contract its promotion source lacks, with one suppression. */
const withSuppression = (env: string, suppression: string) => ({
  [`environments/${env}/connections/forms.yaml`]: connectionYaml(env, { contracts: ['GetForms:2', 'GetForm:2'], tail: ['suppressions:', `  - ${suppression}`] }),
});

describe('suppression-allowed', () => {
  it('accepts a suppression the pack allows in the stage, with ticket and expiry', async () => {
    const { findings } = await check(withSuppression('qa', '{ rule: promotion, reason: Hotfix, ticket: INC-4711, expires: 2026-12-31 }'));
    expect(lines(findings, 'suppression-allowed')).toEqual([]);
    expect(lines(findings, 'promotion')).toEqual([]);
  });

  it('refuses to suppress a gate rule in prod: the suppression suppresses nothing and is an error', async () => {
    const { findings } = await check(withSuppression('prod', '{ rule: promotion, reason: Hotfix, ticket: INC-4711, expires: 2026-12-31 }'));
    expect(lines(findings, 'suppression-allowed')).toEqual([
      'prod environments/prod/connections/forms.yaml:17 error suppression of promotion in prod: rule promotion may not be suppressed in prod (the pack allows it in: test, qa); fix what it reports instead',
    ]);
    expect(lines(findings, 'promotion')).toHaveLength(2);
    expect(lines(findings, 'suppression-unused')).toEqual([]);
  });

  it('refuses the certificate-chain rule in prod even in a requester\'s own file', async () => {
    const { findings } = await check(withSuppression('prod', '{ rule: certificate-chain, entity: SE2321000016-A1B2, reason: Self-made, ticket: X-1, expires: 2026-12-31 }'));
    expect(lines(findings, 'suppression-allowed')).toEqual([expect.stringContaining('rule certificate-chain may not be suppressed in prod')]);
  });

  it('needs a ticket and an expiry in qa and prod, not in test', async () => {
    const qa = await check(withSuppression('qa', '{ rule: promotion, reason: Hotfix }'));
    expect(lines(qa.findings, 'suppression-allowed')).toEqual([
      'qa environments/qa/connections/forms.yaml:15 error suppression of promotion in qa: a suppression in qa needs a ticket and an expires date; add ticket and expires',
    ]);
    expect(lines(qa.findings, 'promotion')).toHaveLength(2);
    const test = await check({ 'environments/test/connections/forms.yaml': connectionYaml('test', { tail: ['suppressions:', '  - { rule: routing-callable, reason: Tried }'] }) });
    expect(lines(test.findings, 'suppression-allowed')).toEqual([]);
  });
});
