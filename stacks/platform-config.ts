/**
 * The platform configuration: the VP's routing and authorization cache (persistentCache XML) in a
 * ConfigMap the VP mounts as its local TAK cache. A ConfigMap holds at most 1 MiB, so a larger cache
 * is gzipped and split into numbered shard ConfigMaps (binaryData), and the ConfigMap of the usual
 * name then holds a manifest that says how to put it back together. Either way, the content-hash
 * annotation is the sha256 of the XML itself: it changes exactly when the cache content does.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ANNOTATION, CACHE_FILE, NAME } from './conventions';
import { metadata, type Scope } from './objects';

/** The API server's limit for one ConfigMap; we hold the whole serialized object to it. */
export const CONFIGMAP_LIMIT = 1_048_576;
/**
 * gzip's level for the shards. The shards' bytes are no user-facing format (the manifest records
 * their sha256; the content hash is of the XML). Level 3 compresses a prod-sized cache three times
 * as fast as the default 6, for 8% more bytes (measured at 1M entries: 6.5 MB against 6.0 MB, the
 * same 9 shards); at 6, gzip took longer than writing the XML and synth waited for it.
 */
const GZIP_LEVEL = 3;
/** Compressed bytes per shard: base64 makes 1,000,000 characters, leaving room for the metadata. */
export const SHARD_BYTES = 750_000;

const COMPONENT = 'vp-cache';

/** The manifest's format: what the VP's init container reads to reassemble the cache. */
export interface ShardManifest {
  format: 'tak-gitops/vp-cache-shards/v1';
  file: string;
  encoding: 'gzip';
  /** Bytes and sha256 of the XML once gunzipped (the content hash). */
  size: number;
  contentSha256: string;
  /** sha256 of the concatenated shards (the gzip stream). */
  gzipSha256: string;
  shards: { configMap: string; key: string; bytes: number; sha256: string }[];
}

interface Compressed {
  size: number;
  sha256: string;
  /** The XML itself, kept only while it is small enough to go into one ConfigMap as text. */
  text?: string;
  gzip: Buffer;
}

/** The cache ConfigMap(s) of an environment, from the cache document in chunks (see src/formats/vp-cache). */
export async function cacheConfigMaps(scope: Scope, document: Iterable<string>): Promise<IConfigMap[]> {
  const content = await compress(document);
  const annotations = { [ANNOTATION.contentHash]: content.sha256 };
  if (content.text !== undefined) {
    const single: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(scope, NAME.cache, COMPONENT, { annotations }),
      data: { [CACHE_FILE]: content.text },
    };
    if (serializedSize(single) <= CONFIGMAP_LIMIT) return [single];
  }
  return sharded(scope, content, annotations);
}

function sharded(scope: Scope, content: Compressed, annotations: Record<string, string>): IConfigMap[] {
  const count = Math.ceil(content.gzip.length / SHARD_BYTES);
  const width = Math.max(3, String(count - 1).length);
  const shards: IConfigMap[] = [];
  const manifest: ShardManifest = {
    format: 'tak-gitops/vp-cache-shards/v1',
    file: CACHE_FILE,
    encoding: 'gzip',
    size: content.size,
    contentSha256: content.sha256,
    gzipSha256: sha256(content.gzip),
    shards: [],
  };
  for (let i = 0; i < count; i++) {
    const suffix = String(i).padStart(width, '0');
    const bytes = content.gzip.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES);
    const name = `${NAME.cache}-${suffix}`;
    const key = `${CACHE_FILE}.gz.${suffix}`;
    manifest.shards.push({ configMap: name, key, bytes: bytes.length, sha256: sha256(bytes) });
    shards.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(scope, name, COMPONENT, { annotations }),
      binaryData: { [key]: bytes.toString('base64') },
    });
  }
  const head: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(scope, NAME.cache, COMPONENT, { annotations }),
    data: { 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` },
  };
  for (const object of [head, ...shards]) {
    const size = serializedSize(object);
    if (size > CONFIGMAP_LIMIT) throw new Error(`ConfigMap ${object.metadata?.name} would be ${size} bytes, over the 1 MiB limit`);
  }
  return [head, ...shards];
}

/**
 * Hashes, measures and gzips the document in one pass over its chunks, never holding it as one
 * string. The chunks are encoded into two reused blocks (see {@link Blocks}); the hash reads each
 * full block and gzip compresses it in the thread pool while the next one fills.
 */
async function compress(chunks: Iterable<string>): Promise<Compressed> {
  const hash = createHash('sha256');
  // Output in blocks as large as the input's: each 16 KiB default chunk is a round trip to the thread pool.
  const gzip = createGzip({ level: GZIP_LEVEL, chunkSize: BLOCK_BYTES });
  const out: Buffer[] = [];
  gzip.on('data', (bytes: Buffer) => out.push(bytes));
  const ended = once(gzip, 'end');
  const blocks = new Blocks((bytes) => {
    hash.update(bytes);
    return new Promise<void>((resolve, reject) => gzip.write(bytes, (error) => (error ? reject(error) : resolve())));
  });
  let size = 0;
  let small: string[] | undefined = [];
  for (const chunk of chunks) {
    size += await blocks.add(chunk);
    if (small && size <= CONFIGMAP_LIMIT) small.push(chunk);
    else small = undefined;
  }
  await blocks.flush();
  gzip.end();
  await ended;
  return { size, sha256: hash.digest('hex'), text: small?.join(''), gzip: Buffer.concat(out) };
}

/** Bytes handed to the hash and gzip at once. */
const BLOCK_BYTES = 1 << 20;
/** The most bytes UTF-8 needs for one UTF-16 code unit (a surrogate pair takes 4 for two). */
const UTF8_PER_UNIT = 3;

/**
 * Text encoded to UTF-8 into two buffers used in turn: one fills while the sink (gzip, in the
 * thread pool) still reads the other. Fresh buffers per chunk would cost the garbage collector
 * more than the encoding itself at prod size.
 */
class Blocks {
  private readonly blocks = [Buffer.allocUnsafe(BLOCK_BYTES), Buffer.allocUnsafe(BLOCK_BYTES)];
  /** Per block: settles when the sink is done with what it was last given. */
  private readonly released: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private current = 0;
  private used = 0;

  /** `sink` gets a full block and resolves when it no longer needs those bytes. */
  constructor(private readonly sink: (bytes: Buffer) => Promise<void>) {}

  /** Encodes `text` and returns its size in bytes. */
  async add(text: string): Promise<number> {
    const worst = text.length * UTF8_PER_UNIT;
    if (this.used + worst > BLOCK_BYTES) await this.flush();
    if (worst > BLOCK_BYTES) {
      const bytes = Buffer.from(text);
      await this.sink(bytes);
      return bytes.length;
    }
    const written = this.blocks[this.current].write(text, this.used);
    this.used += written;
    return written;
  }

  /** Hands the filled part of the current block to the sink and waits until the other block is free. */
  async flush(): Promise<void> {
    if (this.used > 0) {
      this.released[this.current] = this.sink(this.blocks[this.current].subarray(0, this.used));
      this.current = 1 - this.current;
      this.used = 0;
    }
    await this.released[this.current];
  }
}

/**
 * Bytes of the object as JSON. binaryData is base64, which JSON writes as it is, so it is counted
 * by its length rather than copied into a megabyte of JSON per shard.
 */
function serializedSize(object: IConfigMap): number {
  const binary = Object.entries(object.binaryData ?? {});
  const shape = binary.length ? { ...object, binaryData: Object.fromEntries(binary.map(([key]) => [key, ''])) } : object;
  return Buffer.byteLength(JSON.stringify(shape)) + binary.reduce((sum, [, base64]) => sum + base64.length, 0);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
