import { PRODUCER, connectionYaml, findingsOf } from '../test/helpers/repo';

describe('producer-endpoint-declared', () => {
  it('accepts routing URLs whose host and port the producer declares', async () => {
    expect(await findingsOf('producer-endpoint-declared')).toEqual([]);
  });

  it('reports a URL host, or a port, that is not declared, once per group', async () => {
    const otherHost = connectionYaml('test', { contracts: ['GetForms:2', 'GetForm:2'] }).replace(/forms\.test\.example\.se/g, 'forms-new.test.example.se');
    const otherPort = connectionYaml('qa').replace('forms.qa.example.se/', 'forms.qa.example.se:8443/');
    const found = await findingsOf('producer-endpoint-declared', {
      'environments/test/connections/forms.yaml': otherHost,
      'environments/qa/connections/forms.yaml': otherPort,
    });
    expect(found).toEqual([
      `qa environments/qa/connections/forms.yaml:7 error endpoint forms.qa.example.se:8443 of producer Formulärmotorn (${PRODUCER}) is not declared for qa; add { host: forms.qa.example.se, port: 8443, addresses: [...] } to environments.qa.endpoints in config/systems/producer.yaml`,
      `test environments/test/connections/forms.yaml:6 error endpoint forms-new.test.example.se:443 of producer Formulärmotorn (${PRODUCER}) is not declared for test; add { host: forms-new.test.example.se, port: 443, addresses: [...] } to environments.test.endpoints in config/systems/producer.yaml`,
    ]);
  });
});
