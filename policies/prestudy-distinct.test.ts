import { connectionYaml, findingsOf } from '../test/helpers/repo';

const sameAsQa = connectionYaml('prod').replace('approved: 2026-03-15', 'approved: 2026-03-01');

describe('prestudy-distinct', () => {
  it('accepts a prod pre-study updated for prod', async () => {
    expect(await findingsOf('prestudy-distinct')).toEqual([]);
  });

  it("reports a prod pre-study that is qa's unchanged", async () => {
    expect(await findingsOf('prestudy-distinct', { 'environments/prod/connections/forms.yaml': sameAsQa })).toEqual([
      'prod environments/prod/connections/forms.yaml:2 error pre-study FS-2026-0142 (approved 2026-03-01) of environments/prod/connections/forms.yaml is the same as in qa; name the pre-study updated for prod, or say that this one covers both with covers: [qa, prod]',
    ]);
  });

  it('accepts the same pre-study when it says it covers both', async () => {
    const covers = sameAsQa.replace('approved: 2026-03-01 }', 'approved: 2026-03-01, covers: [qa, prod] }');
    expect(await findingsOf('prestudy-distinct', { 'environments/prod/connections/forms.yaml': covers })).toEqual([]);
  });
});
