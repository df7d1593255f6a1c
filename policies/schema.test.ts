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

  it('words each problem in a list of logical addresses or contracts at its item, as in any other list', async () => {
    const group = (addresses: string) => `authorizations:\n  - consumer: SE2321000016-A1B2\n    contracts: [GetForms:2]\n    logicalAddresses: ${addresses}\n`;
    const file = 'environments/test/connections/forms.yaml';
    const items = ['SE5565594230-B9P', '42', '""', '"SE1\\u0001B"', 'X'.repeat(256)];
    expect(await findingsOf('schema', { [file]: group(`[${items.join(', ')}]`) })).toEqual([
      `${file}:4 authorizations[0].logicalAddresses[1] is a number but must be text: put it in quotes so that leading zeros and long digits survive`,
      `${file}:4 authorizations[0].logicalAddresses[2] must not be empty`,
      `${file}:4 authorizations[0].logicalAddresses[3] holds the control or invisible character U+0001; remove it`,
      `${file}:4 authorizations[0].logicalAddresses[4] must be at most 255 characters`,
    ]);
    expect(await findingsOf('schema', { [file]: group('SE5565594230-B9P') })).toEqual([`${file}:4 authorizations[0].logicalAddresses must be a list, not string`]);
    const contracts = `authorizations:\n  - consumer: SE2321000016-A1B2\n    contracts: [GetForms:2, 7, ""]\n    logicalAddresses: [SE5565594230-B9P]\n`;
    expect(await findingsOf('schema', { [file]: contracts })).toEqual([
      `${file}:3 authorizations[0].contracts[1] is a number but must be text: put it in quotes so that leading zeros and long digits survive`,
      `${file}:3 authorizations[0].contracts[2] must not be empty`,
    ]);
    const none = `authorizations:\n  - consumer: SE2321000016-A1B2\n    contracts: []\n    logicalAddresses: [SE5565594230-B9P]\n`;
    expect(await findingsOf('schema', { [file]: none })).toEqual([`${file}:3 authorizations[0].contracts Too small: expected array to have >=1 items`]);
  });
});
