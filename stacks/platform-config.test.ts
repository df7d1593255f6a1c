import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { AuthorizationRow, RoutingRow } from '../src/formats/tak/tables';
import { readVpCache, vpCacheChunks } from '../src/formats/vp-cache';
import { validateObject } from './objects';
import { cacheConfigMaps, CONFIGMAP_LIMIT, type ShardManifest } from './platform-config';

const scope = { env: 'prod', namespace: 'tak-prod' };
const CONTRACTS = Array.from({ length: 20 }, (_, i) => `urn:riv:clinicalprocess:healthcond:description:Get${i}Responder:1`);

/** `routing` routing entries and `authorizations` authorizations over distinct care units, built in code. */
function tables(routing: number, authorizations: number) {
  const unit = (i: number) => `SE2321000016-${(i >> 4).toString(36).toUpperCase().padStart(5, '0')}`;
  const rows: RoutingRow[] = Array.from({ length: routing }, (_, i) => ({
    contract: CONTRACTS[i % 16],
    logicalAddress: unit(i),
    producer: 'SE5565594230-B9P',
    profile: 'RIVTABP21',
    url: `https://producer-${i % 97}.example.se/service/${i % 16}/rivtabp21`,
  }));
  const grants: AuthorizationRow[] = Array.from({ length: authorizations }, (_, i) => ({
    consumer: `SE2321000016-C${i % 50}`,
    contract: CONTRACTS[i % 16],
    logicalAddress: unit(i),
    filters: [],
  }));
  return { routing: rows, authorizations: grants };
}

const hashOf = (chunks: Iterable<string>) => {
  const h = createHash('sha256');
  for (const c of chunks) h.update(c);
  return h.digest('hex');
};

describe('the VP cache ConfigMaps', () => {
  it('keep a small cache as readable text in one ConfigMap', async () => {
    const t = tables(10, 10);
    const [only, ...rest] = await cacheConfigMaps(scope, vpCacheChunks(t));
    expect(rest).toEqual([]);
    expect(readVpCache(only.data!['local-tak-cache.xml']).routing).toHaveLength(10);
    expect(only.metadata?.annotations?.['tak-gitops/content-sha256']).toBe(hashOf(vpCacheChunks(t)));
  });

  it('change the content hash exactly when the content changes', async () => {
    const t = tables(100, 100);
    const hash = async (x: ReturnType<typeof tables>) => (await cacheConfigMaps(scope, vpCacheChunks(x)))[0].metadata?.annotations?.['tak-gitops/content-sha256'];
    const before = await hash(t);
    expect(await hash({ routing: [...t.routing].reverse(), authorizations: [...t.authorizations].reverse() })).toBe(before);
    const moved = { ...t, routing: t.routing.map((r, i) => (i === 42 ? { ...r, url: `${r.url}/v2` } : r)) };
    expect(await hash(moved)).not.toBe(before);
  });

  it('gzip and hash exactly the document\'s UTF-8, whatever the sizes of its chunks', async () => {
    // Multi-byte characters across block boundaries, and a chunk too large for a block.
    const chunks = ['<a>', 'å'.repeat(400_000), 'x'.repeat(300_000), '😀'.repeat(100_000), 'ä'.repeat(10), '</a>'];
    const [head, ...shards] = await cacheConfigMaps(scope, chunks);
    const manifest = JSON.parse(head.data!['manifest.json']) as ShardManifest;
    const xml = gunzipSync(Buffer.concat(shards.map((s: IConfigMap, i) => Buffer.from(s.binaryData![manifest.shards[i].key], 'base64'))));
    expect(xml.equals(Buffer.from(chunks.join('')))).toBe(true);
    expect(manifest.size).toBe(xml.length);
    expect(manifest.contentSha256).toBe(createHash('sha256').update(xml).digest('hex'));
  });

  it('shard a 1M-entry environment into ConfigMaps under 1 MiB that reassemble into the same cache', async () => {
    const t = tables(600_000, 400_000);
    const maps = await cacheConfigMaps(scope, vpCacheChunks(t));
    const [head, ...shards] = maps;
    const manifest = JSON.parse(head.data!['manifest.json']) as ShardManifest;
    expect(head.metadata?.name).toBe('tak-vp-cache');
    expect(shards.length).toBeGreaterThan(1);
    expect(manifest.shards.map((s) => s.configMap)).toEqual(shards.map((s) => s.metadata?.name));
    for (const object of maps) {
      expect(Buffer.byteLength(JSON.stringify(object))).toBeLessThanOrEqual(CONFIGMAP_LIMIT);
      validateObject(object);
    }
    const parts = shards.map((s: IConfigMap, i) => Buffer.from(s.binaryData![manifest.shards[i].key], 'base64'));
    parts.forEach((p, i) => expect(createHash('sha256').update(p).digest('hex')).toBe(manifest.shards[i].sha256));
    const xml = gunzipSync(Buffer.concat(parts));
    const hash = createHash('sha256').update(xml).digest('hex');
    expect(manifest.contentSha256).toBe(hash);
    expect(manifest.size).toBe(xml.length);
    for (const object of maps) expect(object.metadata?.annotations?.['tak-gitops/content-sha256']).toBe(hash);
    expect(count(xml, '<virtualiseringsInfo ')).toBe(600_000);
    expect(count(xml, '<anropsBehorighetsInfo>')).toBe(400_000);
    // The reassembled document is a complete VP cache: its head and tail read as one.
    const tail = xml.subarray(xml.length - 2_000).toString();
    const sample = `${xml.subarray(0, 2_000).toString().replace(/<virtualiseringsInfo [\s\S]*$/, '')}${tail.slice(tail.indexOf('<anropsBehorighetsInfo>'))}`;
    expect(readVpCache(sample).authorizations.length).toBeGreaterThan(0);
  }, 120_000);
});

function count(haystack: Buffer, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}
