import { issue } from '../test/helpers/certs';
import { CONSUMER, NOW, compliant, findingsOf } from '../test/helpers/repo';

describe('certificate-expired', () => {
  it('accepts certificates valid at the injected date', async () => {
    expect(await findingsOf('certificate-expired', {}, NOW)).toEqual([]);
  });

  it('reports an expired certificate and one not yet valid, judged by the injected clock', async () => {
    const { testCa } = await compliant();
    const expired = await issue(testCa, { serialNumber: CONSUMER, notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2026-05-31T12:00:00Z') });
    const early = await issue(testCa, { serialNumber: CONSUMER, notBefore: new Date('2026-07-01T00:00:00Z') });
    const found = await findingsOf('certificate-expired', {
      'config/systems/certs/consumer-test.pem': expired.pem,
      'config/systems/certs/consumer-qa.pem': early.pem,
    });
    expect(found).toEqual([
      `test config/systems/consumer.yaml:6 error certificate certs/consumer-test.pem of system Journal (${CONSUMER}) in test expired on 2026-05-31; replace it`,
      `qa config/systems/consumer.yaml:9 error certificate certs/consumer-qa.pem of system Journal (${CONSUMER}) in qa is not valid until 2026-07-01`,
    ]);
  });

  it('reports the CAs too, and the clock decides: everything has expired in 2040', async () => {
    const found = await findingsOf('certificate-expired', {}, new Date('2040-01-01T00:00:00Z'));
    expect(found.filter((f) => f.includes('trusted CA'))).toHaveLength(2);
    expect(found).toHaveLength(5);
  });
});
