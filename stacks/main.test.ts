import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { runCli } from '../test/helpers/cli';
import { environmentYaml, PRODUCER } from '../test/helpers/repo';
import { buildEnvironment } from './environment';
import { EnvironmentStack, type BuiltEnvironment } from './main';
import { kubernetesLines, synthFiles, withRepository } from './test-support';

setupJest();

async function stackJson(env: string, changes = {}): Promise<string> {
  return withRepository(await synthFiles(changes), async (root, state) => {
    const build = (await buildEnvironment(state.environments.get(env)!)) as BuiltEnvironment;
    const stack = new EnvironmentStack(Testing.app(), build, { root, outdir: path.join(root, 'cdktf.out') });
    return Testing.synth(stack);
  });
}

describe('the cdktf stack of an environment', () => {
  it('configures the provider from environment.yaml and keeps local state relative to the repository', async () => {
    const json = await stackJson('qa');
    expect(json).toHaveProviderWithProperties(KubernetesProvider, { config_context: 'ntjp-qa' });
    expect(JSON.parse(json).terraform.backend).toEqual({ local: { path: '../../../.tak/terraform/qa.tfstate' } });
  });

  it('uses the kubernetes backend when environment.yaml asks for it', async () => {
    const lines = [...kubernetesLines('qa'), '  backend: { type: kubernetes, secretSuffix: tak-qa }'];
    const json = await stackJson('qa', { 'environments/qa/environment.yaml': environmentYaml('qa', lines) });
    expect(JSON.parse(json).terraform.backend).toEqual({ kubernetes: { secret_suffix: 'tak-qa', namespace: 'tak-qa', config_context: 'ntjp-qa' } });
  });

  it('maps every plain object onto the provider\'s typed resource', async () => {
    const json = await stackJson('test');
    expect(json).toHaveResourceWithProperties(ConfigMapV1, {
      metadata: expect.objectContaining({ name: 'tak-vp-cache', namespace: 'tak-test' }),
      data: { 'local-tak-cache.xml': expect.stringContaining(`<ns2:receiverId>${PRODUCER}</ns2:receiverId>`) },
    });
    expect(json).toHaveResourceWithProperties(SecretV1, {
      metadata: expect.objectContaining({ name: 'tak-trusted-cas' }),
      data: { 'ca.crt': expect.stringMatching(/^-----BEGIN CERTIFICATE-----/) },
    });
    expect(json).toHaveResourceWithProperties(IngressV1, {
      metadata: expect.objectContaining({
        annotations: expect.objectContaining({ 'nginx.ingress.kubernetes.io/whitelist-source-range': '203.0.113.10/32' }),
      }),
      spec: expect.objectContaining({ rule: [expect.objectContaining({ host: 'tp.test.example.se' })] }),
    });
    expect(json).toHaveResourceWithProperties(NetworkPolicyV1, {
      metadata: expect.objectContaining({ name: `tak-vp-to-${PRODUCER.toLowerCase()}` }),
      spec: expect.objectContaining({ egress: [{ to: [{ ip_block: { cidr: '192.0.2.10/32' } }], ports: [{ port: '443', protocol: 'TCP' }] }] }),
    });
  });
});

/** Every file under `dir`, path -> bytes. */
function tree(dir: string, base = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of tree(full, base)) out.set(k, v);
    else out.set(path.relative(base, full), readFileSync(full));
  }
  return out;
}

describe('tak synth', () => {
  it('writes the stacks and manifests of every environment, the same bytes every time, with no absolute path', async () => {
    await withRepository(await synthFiles(), async (root) => {
      const first = await runCli(['synth', '-C', root, '--out', path.join(root, 'one')]);
      const second = await runCli(['synth', '-C', root, '--out', path.join(root, 'two')]);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(second.code).toBe(0);
      const one = tree(path.join(root, 'one'));
      for (const env of ['test', 'qa', 'prod']) {
        expect(one.has(`cdktf.out/stacks/${env}/cdk.tf.json`)).toBe(true);
        expect(one.has(`dist/${env}/configmap-tak-vp-cache.yaml`)).toBe(true);
        expect(one.has(`dist/${env}/kustomization.yaml`)).toBe(true);
      }
      expect(tree(path.join(root, 'two'))).toEqual(one);
      for (const [file, bytes] of one) expect(`${file}: ${bytes.includes(root) ? 'has an absolute path' : 'ok'}`).toBe(`${file}: ok`);
    });
  });

  it('skips an environment without a target with a note, and --env rewrites only its own folders', async () => {
    await withRepository(await synthFiles({ 'environments/qa/environment.yaml': environmentYaml('qa') }), async (root) => {
      const all = await runCli(['synth', '-C', root]);
      expect(all.code).toBe(0);
      expect(all.stderr).toContain('note: qa: no kubernetes target');
      expect(existsSync(path.join(root, 'dist/qa'))).toBe(false);
      const prodBefore = readFileSync(path.join(root, 'cdktf.out/stacks/prod/cdk.tf.json'));
      const one = await runCli(['synth', '-C', root, '--env', 'test']);
      expect(one.code).toBe(0);
      expect(readFileSync(path.join(root, 'cdktf.out/stacks/prod/cdk.tf.json'))).toEqual(prodBefore);
      const manifest = JSON.parse(readFileSync(path.join(root, 'cdktf.out/manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks)).toEqual(['prod', 'test']);
      expect(readdirSync(path.join(root, 'cdktf.out')).sort()).toEqual(['manifest.json', 'stacks']);
    });
  });

  it('writes nothing and exits 1 when an environment has a problem', async () => {
    const bad = environmentYaml('prod', [...kubernetesLines('prod').slice(0, 3), '  host: 192.0.2.1']);
    await withRepository(await synthFiles({ 'environments/prod/environment.yaml': bad }), async (root) => {
      const result = await runCli(['synth', '-C', root]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('environments/prod/environment.yaml:9: kubernetes.host "192.0.2.1" is an IP address; the Ingress needs a DNS name');
      expect(existsSync(path.join(root, 'cdktf.out'))).toBe(false);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    });
  });
});
