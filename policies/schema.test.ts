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
      'environments/test/connections/bad.yaml:4 routing[0].logicalAddresses lists no logical address; remove the group (routing or authorization) if none is left',
    ]);
  });

  it('asks an authorization for exactly one of consumer and consumers', async () => {
    const group = (who: string) => `authorizations:\n  - ${who}\n    contracts: [GetForms:2]\n    logicalAddresses: [SE5565594230-B9P]\n`;
    expect(await findingsOf('schema', { 'environments/test/connections/forms.yaml': group('consumers: [SE2321000016-A1B2]') })).toEqual([]);
    const both = 'consumer: SE2321000016-A1B2\n    consumers: [SE2321000016-A1B2]';
    const expected = 'authorizations[0].consumer needs either consumer (one HSA-id) or consumers (a list), not both';
    expect(await findingsOf('schema', { 'environments/test/connections/forms.yaml': group(both) })).toEqual([`environments/test/connections/forms.yaml:2 ${expected}`]);
    expect(await findingsOf('schema', { 'environments/test/connections/forms.yaml': group('integrationAgreement: I-1') })).toEqual([`environments/test/connections/forms.yaml:2 ${expected}`]);
  });
});
