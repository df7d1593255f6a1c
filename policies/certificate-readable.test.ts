import { findingsOf } from '../test/helpers/repo';

describe('certificate-readable', () => {
  it('accepts certificate files that exist and hold a certificate', async () => {
    expect(await findingsOf('certificate-readable')).toEqual([]);
  });

  it('reports a missing certificate file at the line that names it', async () => {
    const found = await findingsOf('certificate-readable', { 'config/systems/certs/consumer-qa.pem': null });
    expect(found).toEqual([
      'qa config/systems/consumer.yaml:9 error certificate certs/consumer-qa.pem of system Journal (SE2321000016-A1B2) in qa: the file config/systems/certs/consumer-qa.pem does not exist; add the public PEM there or fix the path',
    ]);
  });

  it('reports a file that holds no certificate, and a trusted CA file that is garbage', async () => {
    const found = await findingsOf('certificate-readable', {
      'config/systems/certs/consumer-test.pem': 'not a certificate\n',
      'config/cas/prod-ca.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    });
    expect(found).toHaveLength(2);
    expect(found[1]).toMatch(/^prod config\/trusted-cas.yaml:3 error trusted CA Example Function CA v1 \(cas\/prod-ca.pem\): config\/cas\/prod-ca.pem is not a readable X.509 certificate/);
    expect(found[0]).toMatch(/^test config\/systems\/consumer.yaml:6 error .*holds no certificate/);
  });

  it('reports paths that lead outside the repository, and reads nothing there', async () => {
    const found = await findingsOf('certificate-readable', {
      'config/systems/consumer.yaml': 'hsaId: SE2321000016-A1B2\nname: Journal\norganisation: Region Exempel\nenvironments:\n  test:\n    certificates: [../../../../../../etc/ssl/certs/ca-certificates.crt, /etc/ssl/certs/ca-certificates.crt]\n',
    });
    expect(found).toEqual([
      expect.stringMatching(/^test config\/systems\/consumer.yaml:6 error certificate \.\.\/(\.\.\/)+etc\/ssl\/certs\/ca-certificates.crt of system Journal .*: the path leads outside the repository/),
      expect.stringMatching(/^test config\/systems\/consumer.yaml:6 error certificate \/etc\/ssl\/certs\/ca-certificates.crt of system Journal .*: the path leads outside the repository/),
    ]);
  });
});
