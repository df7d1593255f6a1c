import { connectionYaml, findingsOf } from '../test/helpers/repo';

describe('prestudy-approved', () => {
  it('accepts qa and prod connections with a pre-study, and test connections without one', async () => {
    expect(await findingsOf('prestudy-approved')).toEqual([]);
  });

  it('reports a qa or prod connection without an approved pre-study', async () => {
    const found = await findingsOf('prestudy-approved', {
      'environments/qa/connections/forms.yaml': connectionYaml('qa', { prestudy: false }),
      'environments/prod/connections/forms.yaml': connectionYaml('prod', { prestudy: false }),
    });
    expect(found).toEqual([
      'prod environments/prod/connections/forms.yaml:1 error connection environments/prod/connections/forms.yaml in prod (stage prod) has no approved pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }',
      'qa environments/qa/connections/forms.yaml:1 error connection environments/qa/connections/forms.yaml in qa (stage qa) has no approved pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }',
    ]);
  });
});
