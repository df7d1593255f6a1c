import { compliant, findingsOf } from '../test/helpers/repo';

describe('consumer-certificate', () => {
  it('accepts a consumer that declares a certificate where it is authorized', async () => {
    expect(await findingsOf('consumer-certificate')).toEqual([]);
  });

  it('reports a consumer authorized in an environment where it declares no certificate', async () => {
    const { files } = await compliant();
    const consumer = files['config/systems/consumer.yaml'].replace('    certificates: [certs/consumer-qa.pem]\n', '');
    expect(await findingsOf('consumer-certificate', { 'config/systems/consumer.yaml': consumer })).toEqual([
      'qa environments/qa/connections/forms.yaml:10 error consumer Journal (SE2321000016-A1B2) is authorized in qa but declares no certificate there; add environments.qa.certificates (its function certificate, a public PEM) to config/systems/consumer.yaml',
    ]);
  });
});
