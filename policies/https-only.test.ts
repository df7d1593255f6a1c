import { connectionYaml, environmentYaml, findingsOf } from '../test/helpers/repo';

const http = (env: string) => ({ [`environments/${env}/connections/forms.yaml`]: connectionYaml(env).replace('https://', 'http://') });

describe('https-only', () => {
  it('accepts https URLs in prod, and http before prod', async () => {
    expect(await findingsOf('https-only')).toEqual([]);
    expect(await findingsOf('https-only', http('qa'))).toEqual([]);
  });

  it('reports a plain http URL in prod and says to use https (not to open port 80)', async () => {
    const found = await findingsOf('https-only', http('prod'));
    expect(found).toEqual([
      'prod environments/prod/connections/forms.yaml:9 error endpoint URL "http://forms.prod.example.se/GetForms/2" for GetForms:2 is plain http, and prod requires https; use https://forms.prod.example.se/GetForms/2 (the producer\'s TLS endpoint)',
    ]);
    expect(await findingsOf('producer-endpoint-declared', http('prod'))).toEqual([]);
  });

  it('is configurable per environment with policy.requireHttps', async () => {
    const qa = { ...http('qa'), 'environments/qa/environment.yaml': environmentYaml('qa', ['policy: { requireHttps: true }']) };
    expect(await findingsOf('https-only', qa)).toHaveLength(1);
  });
});
