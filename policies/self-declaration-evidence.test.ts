import { connectionYaml, findingsOf } from '../test/helpers/repo';

describe('self-declaration-evidence', () => {
  it('accepts a qa connection with its self-declaration, and asks none of test', async () => {
    expect(await findingsOf('self-declaration-evidence')).toEqual([]);
  });

  it('reports a qa connection without testEvidence.selfDeclaration', async () => {
    const qa = { 'environments/qa/connections/forms.yaml': connectionYaml('qa', { selfDeclaration: false }) };
    expect(await findingsOf('self-declaration-evidence', qa)).toEqual([
      'qa environments/qa/connections/forms.yaml:1 error connection environments/qa/connections/forms.yaml in qa (stage qa) has no self-declaration; add testEvidence.selfDeclaration: { ref: <document>, approved: YYYY-MM-DD }',
    ]);
  });
});
