import { findingsOf } from '../test/helpers/minimal-repo';

describe('schema', () => {
  it('accepts declarations that match their schema', async () => {
    expect(await findingsOf('schema', {})).toEqual([]);
  });

  it('reports a declaration that does not match its schema, and an environment folder without environment.yaml', async () => {
    const found = await findingsOf('schema', {
      'environments/test/connections/bad.yaml': 'routing:\n  - producer: SE1\n    contracts: {}\n    logicalAddresses: []\n',
      'environments/qa/connections/x.yaml': 'description: orphan\n',
    });
    expect(found).toEqual([
      'environments/qa/environment.yaml:1 environments/qa/ has no environment.yaml; declare its platform id, stage and installed contracts there',
      'environments/test/connections/bad.yaml:2 routing[0].profile is required (string)',
      'environments/test/connections/bad.yaml:3 routing[0].contracts must map at least one contract to its endpoint URL',
      'environments/test/connections/bad.yaml:4 routing[0].logicalAddresses Too small: expected array to have >=1 items',
    ]);
  });
});
