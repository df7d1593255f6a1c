import { issue } from '../test/helpers/certs';
import { CONSUMER, compliant, findingsOf } from '../test/helpers/repo';

describe('certificate-serial-number', () => {
  it("accepts a certificate whose subject serialNumber is the system's HSA-id, in any letter case", async () => {
    const { testCa } = await compliant();
    const lower = await issue(testCa, { serialNumber: CONSUMER.toLowerCase() });
    expect(await findingsOf('certificate-serial-number', { 'config/systems/certs/consumer-test.pem': lower.pem })).toEqual([]);
  });

  it('reports another HSA-id, and a certificate without serialNumber', async () => {
    const { testCa } = await compliant();
    const other = await issue(testCa, { serialNumber: 'SE5565594230-B9P' });
    const none = await issue(testCa, { serialNumber: null });
    const found = await findingsOf('certificate-serial-number', {
      'config/systems/certs/consumer-test.pem': other.pem,
      'config/systems/certs/consumer-qa.pem': none.pem,
    });
    expect(found).toEqual([
      `test config/systems/consumer.yaml:6 error certificate certs/consumer-test.pem of system Journal (${CONSUMER}) in test has subject serialNumber SE5565594230-B9P; it must be the system's HSA-id ${CONSUMER}, or the platform will not recognise the caller`,
      `qa config/systems/consumer.yaml:9 error certificate certs/consumer-qa.pem of system Journal (${CONSUMER}) in qa has no subject serialNumber; it must be the system's HSA-id ${CONSUMER}, or the platform will not recognise the caller`,
    ]);
  });
});
