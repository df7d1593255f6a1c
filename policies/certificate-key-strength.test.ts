import { issue } from '../test/helpers/certs';
import { CONSUMER, compliant, findingsOf } from '../test/helpers/repo';

describe('certificate-key-strength', () => {
  it('accepts EC P-256 and RSA 2048 keys', async () => {
    const { testCa } = await compliant();
    const rsa = await issue(testCa, { serialNumber: CONSUMER, key: { rsa: 2048 } });
    expect(await findingsOf('certificate-key-strength', { 'config/systems/certs/consumer-test.pem': rsa.pem })).toEqual([]);
  });

  it('reports a 1024-bit RSA key', async () => {
    const { testCa } = await compliant();
    const weak = await issue(testCa, { serialNumber: CONSUMER, key: { rsa: 1024 } });
    expect(await findingsOf('certificate-key-strength', { 'config/systems/certs/consumer-qa.pem': weak.pem })).toEqual([
      `qa config/systems/consumer.yaml:9 error certificate certs/consumer-qa.pem of system Journal (${CONSUMER}) in qa has a 1024-bit RSA key; at least 2048 bits are required`,
    ]);
  });
});
