import { issue, makeCa } from '../test/helpers/certs';
import { CONSUMER, compliant, findingsOf } from '../test/helpers/repo';

describe('certificate-chain', () => {
  it('accepts certificates issued by the CA trusted in each environment, also through an intermediate in the same file', async () => {
    const { prodCa } = await compliant();
    const intermediate = await issue(prodCa, { serialNumber: null, commonName: 'Example Function Issuing CA', ca: true });
    const leaf = await issue(intermediate, { serialNumber: CONSUMER });
    expect(await findingsOf('certificate-chain', { 'config/systems/certs/consumer-prod.pem': leaf.pem + intermediate.pem })).toEqual([]);
  });

  it('reports a test CA certificate in prod, naming the CA that issued it', async () => {
    const { testCa } = await compliant();
    const fromTest = await issue(testCa, { serialNumber: CONSUMER });
    const found = await findingsOf('certificate-chain', { 'config/systems/certs/consumer-prod.pem': fromTest.pem });
    expect(found).toEqual([
      `prod config/systems/consumer.yaml:12 error certificate certs/consumer-prod.pem of system Journal (${CONSUMER}) in prod is issued by trusted CA Example TEST Function CA v1 (cas/test-ca.pem), which prod does not trust (trusted there: Example Function CA v1); order a function certificate with the system's HSA-id as serialNumber from Example Function CA v1 (for SITHS, through your organisation's SITHS administrator) and add its public PEM to the system`,
    ]);
  });

  it('verifies the signature: a certificate from an impostor CA with the trusted name does not chain', async () => {
    const impostor = await makeCa('Example TEST Function CA v1');
    const forged = await issue(impostor, { serialNumber: CONSUMER });
    const found = await findingsOf('certificate-chain', { 'config/systems/certs/consumer-test.pem': forged.pem });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^test config\/systems\/consumer.yaml:6 error .* does not chain to a CA trusted in test \(Example TEST Function CA v1\); the signature of no trusted CA verifies it/);
  });

  it('reports a test CA that is trusted in a production environment', async () => {
    const trustTestInProd = 'cas:\n  - { name: Example TEST Function CA v1, file: cas/test-ca.pem, environments: [test, qa, prod], test: true }\n  - { name: Example Function CA v1, file: cas/prod-ca.pem, environments: [prod] }\n';
    const found = await findingsOf('certificate-chain', { 'config/trusted-cas.yaml': trustTestInProd });
    expect(found).toEqual([
      'prod config/trusted-cas.yaml:2 error trusted CA Example TEST Function CA v1 (cas/test-ca.pem) is a test CA but is trusted in prod, a production environment; remove prod from its environments',
    ]);
  });
});
