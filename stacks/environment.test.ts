import { X509Certificate } from 'node:crypto';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { readVpCache } from '../src/formats/vp-cache';
import { compliant, CONSUMER, environmentYaml, PRODUCER } from '../test/helpers/repo';
import { buildEnvironment, type EnvironmentBuild } from './environment';
import { validateObject, type KubeObject } from './objects';
import { formatProblem } from './problems';
import { kubernetesLines, synthFiles, withRepository } from './test-support';

async function build(env: string, changes = {}): Promise<EnvironmentBuild> {
  return withRepository(await synthFiles(changes), async (_root, state) => buildEnvironment(state.environments.get(env)!));
}

function built(b: EnvironmentBuild): KubeObject[] {
  if (b.kind !== 'built') throw new Error(`expected objects, got ${JSON.stringify(b)}`);
  return b.objects;
}

const find = <T extends KubeObject>(objects: KubeObject[], kind: T['kind'], name: string) =>
  objects.find((o) => o.kind === kind && o.metadata?.name === name) as T;

describe('the objects of one environment', () => {
  it('are valid Kubernetes objects, labelled with their environment, in its namespace', async () => {
    const objects = built(await build('qa'));
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`).sort()).toEqual([
      'ConfigMap/tak-vp-cache',
      'Ingress/tak-vp',
      'NetworkPolicy/tak-vp-from-ingress',
      'NetworkPolicy/tak-vp-to-dns',
      `NetworkPolicy/tak-vp-to-${PRODUCER.toLowerCase()}`,
      'Secret/tak-trusted-cas',
    ]);
    for (const o of objects) {
      expect(() => validateObject(o)).not.toThrow();
      expect(o.metadata?.namespace).toBe('tak-qa');
      expect(o.metadata?.labels?.['tak-gitops/environment']).toBe('qa');
    }
  });

  it('the schema validation is real: a broken object is refused with its name', async () => {
    const policy = find<INetworkPolicy>(built(await build('test')), 'NetworkPolicy', 'tak-vp-to-dns');
    const broken = { ...policy, spec: { ...policy.spec!, podSelector: 'everything' } } as unknown as INetworkPolicy;
    expect(() => validateObject(broken)).toThrow(/NetworkPolicy tak-vp-to-dns does not match the Kubernetes schema/);
  });

  it('carries the routing and authorizations in the VP cache, with a hash of the content', async () => {
    const cache = find<IConfigMap>(built(await build('test')), 'ConfigMap', 'tak-vp-cache');
    const read = readVpCache(cache.data!['local-tak-cache.xml']);
    expect(read.routing.map((r) => [r.logicalAddress, r.contract, r.url])).toEqual([
      [PRODUCER, 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2', 'https://forms.test.example.se/GetForms/2'],
    ]);
    expect(read.authorizations.map((a) => [a.consumer, a.logicalAddress])).toEqual([[CONSUMER, PRODUCER]]);
    expect(cache.metadata?.annotations?.['tak-gitops/content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts only the environment\'s trusted CA certificates in the Secret', async () => {
    const { testCa, prodCa } = await compliant();
    const caOf = async (env: string) => {
      const secret = find<ISecret>(built(await build(env)), 'Secret', 'tak-trusted-cas');
      const pem = Buffer.from(secret.data!['ca.crt'], 'base64').toString();
      expect(pem).not.toMatch(/PRIVATE KEY/);
      return new X509Certificate(pem).fingerprint256;
    };
    expect(await caOf('test')).toBe(new X509Certificate(testCa.pem).fingerprint256);
    expect(await caOf('prod')).toBe(new X509Certificate(prodCa.pem).fingerprint256);
  });

  it('lets in only the authorized consumers\' addresses, verifying their client certificate', async () => {
    const ingress = find<IIngress>(built(await build('prod')), 'Ingress', 'tak-vp');
    expect(ingress.metadata?.annotations).toEqual({
      'nginx.ingress.kubernetes.io/auth-tls-secret': 'tak-prod/tak-trusted-cas',
      'nginx.ingress.kubernetes.io/auth-tls-verify-client': 'on',
      'nginx.ingress.kubernetes.io/auth-tls-verify-depth': '2',
      'nginx.ingress.kubernetes.io/auth-tls-pass-certificate-to-upstream': 'true',
      'nginx.ingress.kubernetes.io/whitelist-source-range': '203.0.113.12/32',
    });
    expect(ingress.spec?.rules?.[0].host).toBe('tp.prod.example.se');
    expect(ingress.spec?.tls?.[0].hosts).toEqual(['tp.prod.example.se']);
  });

  it('lets the platform reach exactly the endpoints of the producers its routing points at', async () => {
    const objects = built(await build('qa'));
    const egress = find<INetworkPolicy>(objects, 'NetworkPolicy', `tak-vp-to-${PRODUCER.toLowerCase()}`);
    expect(egress.spec?.egress).toEqual([{ to: [{ ipBlock: { cidr: '192.0.2.11/32' } }], ports: [{ protocol: 'TCP', port: 443 }] }]);
    expect(egress.metadata?.annotations?.['tak-gitops/hsa-id']).toBe(PRODUCER);
    const inbound = find<INetworkPolicy>(objects, 'NetworkPolicy', 'tak-vp-from-ingress');
    expect(inbound.spec?.policyTypes).toEqual(['Ingress']);
    expect(inbound.spec?.ingress?.[0].from?.[0].namespaceSelector?.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'ingress-nginx' });
    // The consumer is not a producer here, so it gets no egress policy.
    expect(objects.some((o) => o.metadata?.name === `tak-vp-to-${CONSUMER.toLowerCase()}`)).toBe(false);
  });
});

describe('bad input', () => {
  it('skips an environment without a Kubernetes target with a note', async () => {
    const b = await build('qa', { 'environments/qa/environment.yaml': environmentYaml('qa') });
    expect(b).toEqual({ env: 'qa', kind: 'skipped', notes: [expect.stringContaining('qa: no kubernetes target in environments/qa/environment.yaml')] });
  });

  it('refuses a host that is not a DNS name, at its line', async () => {
    const lines = [...kubernetesLines('test').slice(0, 3), '  host: tp_test.example.se'];
    const b = await build('test', { 'environments/test/environment.yaml': environmentYaml('test', lines) });
    expect(b.kind).toBe('failed');
    expect(b.kind === 'failed' && b.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^environments\/test\/environment\.yaml:8: kubernetes\.host "tp_test\.example\.se" is not a valid DNS name/),
    ]);
  });

  it('refuses two systems whose HSA-ids map to the same Kubernetes name', async () => {
    const twin = 'SE5565594230-B9P_';
    const { files } = await compliant();
    const b = await build('test', {
      'config/systems/twin.yaml': files['config/systems/producer.yaml'].replace(`hsaId: ${PRODUCER}`, `hsaId: ${twin}`),
      'environments/test/connections/twin.yaml': [
        'routing:',
        `  - producer: ${twin}`,
        '    profile: RIVTABP21',
        '    contracts: { GetForm:2: https://forms.test.example.se/GetForm/2 }',
        `    logicalAddresses: [${PRODUCER}]`,
        '',
      ].join('\n'),
    });
    expect(b.kind === 'failed' && b.problems.map(formatProblem)).toEqual([
      `config/systems/twin.yaml:1: systems ${PRODUCER} and ${twin} both map to the Kubernetes name tak-vp-to-se5565594230-b9p; their HSA-ids differ only in characters a Kubernetes name cannot hold (such as _ and -); correct the HSA-id of one of them`,
    ]);
  });

  it('refuses a missing CA file and a malformed address, each at its declaration', async () => {
    const { files } = await compliant();
    const b = await build('test', {
      'config/cas/test-ca.pem': null,
      'config/systems/consumer.yaml': files['config/systems/consumer.yaml'].replace('203.0.113.10/32', '203.0.113.10'),
    });
    expect(b.kind === 'failed' && b.problems.map(formatProblem)).toEqual([
      'config/trusted-cas.yaml:2: trusted CA "Example TEST Function CA v1": config/cas/test-ca.pem does not exist; add its public certificate (PEM)',
      `config/systems/consumer.yaml:7: system ${CONSUMER}: environments.test.sourceAddresses[0] "203.0.113.10" is an address without a prefix length; write 203.0.113.10/32 for one host`,
    ]);
  });
});
