import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { renderManifests } from './manifests';

/** What the YAML writer makes of the whole object, keys sorted, with every value in place. */
const written = (object: IConfigMap) =>
  stringify(
    {
      apiVersion: object.apiVersion,
      binaryData: Object.fromEntries(Object.entries(object.binaryData!).sort(([a], [b]) => (a < b ? -1 : 1))),
      kind: object.kind,
      metadata: { labels: { app: 'tak' }, name: object.metadata!.name },
    },
    { version: '1.1', lineWidth: 0 },
  );

describe('manifests', () => {
  it('write a ConfigMap\'s binaryData byte for byte as the YAML writer does, plain or quoted', () => {
    const object: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'tak-vp-cache-000', labels: { app: 'tak' } },
      // A shard, a value YAML 1.1 reads as a number (so it is quoted), one as a boolean, and an empty one.
      binaryData: { 'b.gz.001': randomBytes(3_000).toString('base64'), 'a.gz.000': '1234', 'c.gz.002': 'true', 'd.gz.003': '' },
    };
    const text = renderManifests([object]).get('configmap-tak-vp-cache-000.yaml');
    expect(text).toBe(written(object));
    expect(text).toContain("a.gz.000: \"1234\"\n");
  });
});
