import { connectionYaml, findingsOf } from '../test/helpers/repo';

describe('approval-date', () => {
  it('accepts approvals dated today or earlier', async () => {
    expect(await findingsOf('approval-date')).toEqual([]);
  });

  it('reports a pre-study approved in the future', async () => {
    const qa = { 'environments/qa/connections/forms.yaml': connectionYaml('qa').replace('approved: 2026-03-01', 'approved: 2026-06-02') };
    expect(await findingsOf('approval-date', qa)).toEqual([
      'qa environments/qa/connections/forms.yaml:2 error pre-study FS-2026-0142 is dated 2026-06-02, after today (2026-06-01); an approval cannot lie in the future: correct the date, or wait for the approval',
    ]);
  });

  it('reports test evidence approved in the future', async () => {
    const prod = { 'environments/prod/connections/forms.yaml': connectionYaml('prod').replace('approved: 2026-04-01', 'approved: 2027-01-01') };
    expect(await findingsOf('approval-date', prod)).toEqual([expect.stringMatching(/^prod environments\/prod\/connections\/forms.yaml:4 error End-2-End test E2E-2026-0077 is dated 2027-01-01/)]);
  });
});
