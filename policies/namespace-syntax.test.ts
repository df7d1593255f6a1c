import { findingsOf } from '../test/helpers/minimal-repo';

describe('namespace-syntax', () => {
  it('accepts derived urn:riv namespaces', async () => {
    expect(await findingsOf('namespace-syntax', {})).toEqual([]);
  });

  it('reports a legacy namespace with characters the platform refuses today', async () => {
    const found = await findingsOf('namespace-syntax', {
      'config/service-domains/legacy.yaml':
        'domain: npo\ncontracts:\n  - { name: SendStatus, major: 1, namespace: "http://nationellpatientoversikt.se:SendStatus" }\n',
    });
    expect(found).toEqual([
      'config/service-domains/legacy.yaml:3 service contract namespace "http://nationellpatientoversikt.se:SendStatus" has characters the platform refuses (allowed: letters, digits, _ . : -)',
    ]);
  });
});
