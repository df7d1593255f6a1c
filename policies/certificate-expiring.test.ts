import { issue } from '../test/helpers/certs';
import { CONSUMER, compliant, environmentYaml, findingsOf } from '../test/helpers/repo';

describe('certificate-expiring', () => {
  let soon: string;
  beforeAll(async () => {
    const { testCa } = await compliant();
    soon = (await issue(testCa, { serialNumber: CONSUMER, notAfter: new Date('2026-06-21T00:00:00Z') })).pem;
  });

  it('says nothing about a certificate that expires after the window', async () => {
    expect(await findingsOf('certificate-expiring')).toEqual([]);
  });

  it('warns about a certificate expiring within the default 30 days, naming the date', async () => {
    const found = await findingsOf('certificate-expiring', { 'config/systems/certs/consumer-test.pem': soon });
    expect(found).toEqual([
      `test config/systems/consumer.yaml:6 warning certificate certs/consumer-test.pem of system Journal (${CONSUMER}) in test expires on 2026-06-21 (in 20 days); renew it`,
    ]);
  });

  it('uses the window of environment.yaml (policy.certificateExpiryWarningDays)', async () => {
    const narrow = environmentYaml('test', ['policy: { certificateExpiryWarningDays: 14 }']);
    expect(await findingsOf('certificate-expiring', { 'config/systems/certs/consumer-test.pem': soon, 'environments/test/environment.yaml': narrow })).toEqual([]);
  });
});
