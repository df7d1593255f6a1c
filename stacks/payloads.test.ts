import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import type { RoutingRow } from '../src/formats/tak/tables';
import { vpCacheChunks } from '../src/formats/vp-cache';
import { EnvironmentStack, synthesizeApp, type BuiltEnvironment } from './main';
import { Payloads } from './payloads';
import { cacheConfigMaps } from './platform-config';

describe('payloads kept out of the stack', () => {
  it('come back in place of their stand-ins, as JSON strings', () => {
    const payloads = new Payloads();
    const a = payloads.standIn('H4sIAAAA+/==');
    const b = payloads.standIn('');
    const c = payloads.standIn('"quoted"\n\u0000');
    const json = JSON.stringify({ a, b, c, name: 'tak-payload-0' }, null, 2);
    expect(payloads.restore(json)).toBe(JSON.stringify({ a: 'H4sIAAAA+/==', b: '', c: '"quoted"\n\u0000', name: 'tak-payload-0' }, null, 2));
  });

  it('refuse a value that cdktf or Terraform would read as a token or an interpolation', () => {
    expect(() => new Payloads().standIn('a${b}')).toThrow(/cannot stand aside/);
  });

  it('leave the synthesized stack byte for byte as cdktf writes it with the values inside', async () => {
    const routing: RoutingRow[] = Array.from({ length: 5_000 }, (_, i) => ({
      contract: `urn:riv:clinicalprocess:healthcond:description:Get${i % 7}Responder:1`,
      logicalAddress: `SE2321000016-${i.toString(36).toUpperCase().padStart(5, '0')}`,
      producer: 'SE5565594230-B9P',
      profile: 'RIVTABP21',
      url: `https://producer-${i % 97}.example.se/service/${i % 7}/rivtabp21`,
    }));
    const scope = { env: 'prod', namespace: 'tak-prod' };
    const objects = await cacheConfigMaps(scope, vpCacheChunks({ routing, authorizations: [] }));
    expect(objects.some((o) => o.binaryData)).toBe(true);
    const build: BuiltEnvironment = { env: 'prod', kind: 'built', notes: [], target: { context: 'ntjp-prod', namespace: 'tak-prod', host: 'tp.example.se' }, objects };
    const root = mkdtempSync(path.join(tmpdir(), 'tak-payloads-'));
    try {
      const paths = { root, outdir: path.join(root, 'cdktf.out') };
      synthesizeApp([build], path.join(root, 'fast'), paths);
      const app = new App({ outdir: path.join(root, 'plain'), stackTraces: false });
      new EnvironmentStack(app, build, paths);
      app.synth();
      const stack = (dir: string) => readFileSync(path.join(root, dir, 'stacks/prod/cdk.tf.json'), 'utf8');
      expect(stack('fast')).toBe(stack('plain'));
      expect(stack('fast')).toContain(Object.values(objects[1].binaryData!)[0]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
