import { compliant, findingsOf } from '../test/helpers/repo';

describe('cidr-syntax', () => {
  it('accepts CIDR blocks', async () => {
    expect(await findingsOf('cidr-syntax')).toEqual([]);
  });

  it('reports malformed blocks at their own line', async () => {
    const { files } = await compliant();
    const consumer = files['config/systems/consumer.yaml'].replace('203.0.113.11/32', '203.0.113.11, 10.0.0.300/8');
    const producer = files['config/systems/producer.yaml'].replace('192.0.2.12/32', '192.0.2.12/24');
    const found = await findingsOf('cidr-syntax', { 'config/systems/consumer.yaml': consumer, 'config/systems/producer.yaml': producer });
    expect(found).toEqual([
      'qa config/systems/consumer.yaml:10 error source address "203.0.113.11" of Journal (SE2321000016-A1B2) in qa is an address without a prefix length; write 203.0.113.11/32 for one host',
      'qa config/systems/consumer.yaml:10 error source address "10.0.0.300/8" of Journal (SE2321000016-A1B2) in qa is not a CIDR block (address/prefix, e.g. 192.0.2.0/24)',
      'prod config/systems/producer.yaml:10 error address of endpoint forms.prod.example.se:443 "192.0.2.12/24" of Formulärmotorn (SE5565594230-B9P) in prod has host bits set; write 192.0.2.0/24 for the network or 192.0.2.12/32 for the host',
    ]);
  });
});
