import { connectionYaml, findingsOf } from '../test/helpers/repo';

describe('wildcard-approval', () => {
  it('accepts * and SE with an explicit approval', async () => {
    const approved = ['wildcardApproval: { ref: BESLUT-2026-01, approved: 2026-02-01 }'];
    const files = Object.fromEntries(
      ['test', 'qa', 'prod'].map((env) => [
        `environments/${env}/connections/forms.yaml`,
        connectionYaml(env, { authorizationAddresses: ['SE'], authorizationExtra: approved, routingAddresses: ['*'], routingExtra: approved }),
      ]),
    );
    expect(await findingsOf('wildcard-approval', files)).toEqual([]);
  });

  it('reports * and SE without approval: an error in prod, a warning in test', async () => {
    const found = await findingsOf('wildcard-approval', {
      'environments/test/connections/forms.yaml': connectionYaml('test', { routingAddresses: ['*'] }),
      'environments/prod/connections/forms.yaml': connectionYaml('prod', { authorizationAddresses: ['SE'] }),
    });
    expect(found).toEqual([
      'prod environments/prod/connections/forms.yaml:14 error authorization of SE2321000016-A1B2 on logical address SE covers every address and has no approval; add wildcardApproval: { ref: <decision>, approved: YYYY-MM-DD } to the group',
      'test environments/test/connections/forms.yaml:7 warning routing to SE5565594230-B9P on logical address * covers every address and has no approval; add wildcardApproval: { ref: <decision>, approved: YYYY-MM-DD } to the group',
    ]);
  });
});
