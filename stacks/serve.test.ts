import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { environmentYaml } from '../test/helpers/repo';
import { buildEnvironment, type EnvironmentBuild } from './environment';
import { EnvironmentStack, type BuiltEnvironment } from './main';
import { validateObject, type KubeObject } from './objects';
import { kubernetesLines, synthFiles, withRepository } from './test-support';

setupJest();

const SERVE = ['serve:', '  image: registry.example.se/tak-gitops:1.4.0', '  repository: https://git.example.se/platform/tak.git', '  gitAddresses: [192.0.2.40/32]', '  clientAddresses: [198.51.100.0/28]'];
const withServe = (lines: string[] = SERVE) => ({ 'environments/qa/environment.yaml': environmentYaml('qa', [...kubernetesLines('qa'), ...lines]) });

async function build(changes = {}): Promise<EnvironmentBuild> {
  return withRepository(await synthFiles(changes), async (_root, state) => buildEnvironment(state.environments.get('qa')!));
}

const objects = (b: EnvironmentBuild): KubeObject[] => (b.kind === 'built' ? b.objects : []);
const named = (all: KubeObject[], kind: string, name: string) => all.find((o) => o.kind === kind && o.metadata?.name === name);

describe('tak serve in synth', () => {
  it('adds nothing for an environment that does not ask for it', async () => {
    expect(objects(await build()).filter((o) => o.metadata?.name?.includes('serve'))).toEqual([]);
  });

  it('adds a Deployment, Service and NetworkPolicy that validate, and lets the VP reach it', async () => {
    const plain = objects(await build());
    const all = objects(await build(withServe()));
    expect(all.length - plain.length).toBe(4);
    for (const o of all) expect(() => validateObject(o)).not.toThrow();
    const deployment = named(all, 'Deployment', 'tak-serve') as IDeployment;
    const pod = deployment.spec!.template.spec!;
    expect(pod.containers.map((c) => c.name)).toEqual(['serve', 'fetch']);
    expect(pod.containers[0].image).toBe('registry.example.se/tak-gitops:1.4.0');
    expect(pod.containers[0].args).toEqual(expect.arrayContaining(['tak', 'serve', '--env', 'qa', '--client-ca', '/etc/tak-serve/cas/ca.crt']));
    expect(pod.containers[1].command!.join(' ')).toContain("'+refs/tak/applied/*:refs/tak/applied/*' '+refs/heads/tak/orders:refs/heads/tak/orders'");
    expect(pod.volumes?.map((v) => v.secret?.secretName).filter(Boolean)).toEqual(['tak-serve-tls', 'tak-trusted-cas', 'tak-serve-git']);
    expect(named(all, 'Service', 'tak-serve')).toBeDefined();
    const policy = named(all, 'NetworkPolicy', 'tak-serve') as INetworkPolicy;
    expect(policy.spec!.ingress![0].from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vp' } } }, { ipBlock: { cidr: '198.51.100.0/28' } }]);
    expect(policy.spec!.egress![1]).toEqual({ to: [{ ipBlock: { cidr: '192.0.2.40/32' } }], ports: [{ protocol: 'TCP', port: 443 }] });
    expect(named(all, 'NetworkPolicy', 'tak-vp-to-tak-serve')).toBeDefined();
    // The VP's ingress rules stay as they are.
    expect(named(all, 'NetworkPolicy', 'tak-vp-from-ingress')).toEqual(named(plain, 'NetworkPolicy', 'tak-vp-from-ingress'));
    expect(named(all, 'Ingress', 'tak-vp')).toEqual(named(plain, 'Ingress', 'tak-vp'));
  });

  it('refuses an address that is not a CIDR, at its line', async () => {
    const bad = await build(withServe([...SERVE.slice(0, 3), '  gitAddresses: [git.example.se]']));
    expect(bad.kind).toBe('failed');
    expect(bad.kind === 'failed' && bad.problems.map((p) => [p.message, p.location.line])).toEqual([[expect.stringMatching(/^serve.gitAddresses\[0\] "git.example.se"/), 13]]);
  });

  it('maps them onto the provider\'s resources', async () => {
    const json = await withRepository(await synthFiles(withServe()), async (root, state) => {
      const b = (await buildEnvironment(state.environments.get('qa')!)) as BuiltEnvironment;
      return Testing.synth(new EnvironmentStack(Testing.app(), b, { root, outdir: path.join(root, 'cdktf.out') }));
    });
    expect(json).toHaveResourceWithProperties(DeploymentV1, {
      metadata: expect.objectContaining({ name: 'tak-serve', namespace: 'tak-qa' }),
      spec: expect.objectContaining({ replicas: '2' }),
    });
    expect(json).toHaveResourceWithProperties(ServiceV1, { spec: expect.objectContaining({ port: [{ name: 'https', protocol: 'TCP', port: 443, target_port: '8443' }] }) });
  });
});
