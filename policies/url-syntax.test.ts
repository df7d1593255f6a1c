import { findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

const routingTo = (url: string) => ({
  'environments/test/connections/forms.yaml': `routing:\n  - producer: ${PRODUCER}\n    profile: RIVTABP21\n    contracts:\n      GetForms:2: "${url}"\n    logicalAddresses: [${PRODUCER}]\n`,
});

describe('url-syntax', () => {
  it.each(['https://forms.example.se/GetForms/2/rivtabp21', 'http://192.0.2.1:8080/ws/GetForms/2?wsdl&v2'])('accepts %s', async (url) => {
    expect(await findingsOf('url-syntax', routingTo(url))).toEqual([]);
  });

  it.each([
    ['https://forms.example.se/Get Forms', /has characters the platform refuses/],
    ['ftp://forms.example.se/GetForms', /is not an http\(s\) URL/],
    ['http:', /has characters|not a URL/],
    ['forms.example.se/GetForms', /is not a URL/],
  ])('reports %s', async (url, message) => {
    const found = await findingsOf('url-syntax', routingTo(url));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^environments\/test\/connections\/forms.yaml:5 endpoint URL/);
    expect(found[0]).toMatch(message);
  });
});
