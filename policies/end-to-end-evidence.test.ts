import { connectionYaml, findingsOf } from '../test/helpers/repo';

describe('end-to-end-evidence', () => {
  it('accepts prod connections with End-2-End evidence, and qa connections without', async () => {
    expect(await findingsOf('end-to-end-evidence')).toEqual([]);
  });

  it('reports a prod connection without an approved End-2-End test', async () => {
    const found = await findingsOf('end-to-end-evidence', { 'environments/prod/connections/forms.yaml': connectionYaml('prod', { endToEnd: false }) });
    expect(found).toEqual([
      'prod environments/prod/connections/forms.yaml:1 error connection environments/prod/connections/forms.yaml in prod (stage prod) has no approved End-2-End test; add testEvidence.endToEnd: { ref: <report>, approved: YYYY-MM-DD }',
    ]);
  });
});
