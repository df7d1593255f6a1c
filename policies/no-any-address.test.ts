import { compliant, findingsOf } from '../test/helpers/repo';

describe('no-any-address', () => {
  it('accepts the systems’ own networks', async () => {
    expect(await findingsOf('no-any-address')).toEqual([]);
  });

  it('is an error in prod and a warning in test', async () => {
    const { files } = await compliant();
    const consumer = files['config/systems/consumer.yaml'].replace('203.0.113.12/32', '0.0.0.0/0').replace('203.0.113.10/32', '::/0');
    expect(await findingsOf('no-any-address', { 'config/systems/consumer.yaml': consumer })).toEqual([
      'test config/systems/consumer.yaml:7 warning source address ::/0 of Journal (SE2321000016-A1B2) in test allows every address; declare the system\'s own networks',
      'prod config/systems/consumer.yaml:13 error source address 0.0.0.0/0 of Journal (SE2321000016-A1B2) in prod allows every address; declare the system\'s own networks',
    ]);
  });
});
