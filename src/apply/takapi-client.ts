/**
 * Reads what the platform's TAK-api reports for one connection point: a folder of saved responses,
 * or the live api (`<base>/connectionPoints`, then `serviceProductions` and `cooperations` of that
 * connection point with every relation embedded) over HTTPS with basic auth from `TAK_API_USER` /
 * `TAK_API_PASSWORD`, and the server verified against `TAK_API_CA` when set (else the system CAs).
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { FormatError } from '../formats/errors';
import { readTakApi, readTakApiFolder, type TakApiReadResult } from '../formats/takapi/read';
import type { Endpoint } from '../formats/takapi/types';

export async function readLiveCatalog(source: string, platform: string, variables: NodeJS.ProcessEnv = process.env): Promise<TakApiReadResult> {
  if (!/^https?:\/\//.test(source)) return readTakApiFolder(source, platform);
  const base = source.replace(/\/+$/, '');
  const get = (endpoint: string) => getJson(`${base}/${endpoint}`, variables);
  const points = (await get('connectionPoints')) as { id: number; platform?: string; environment?: string }[];
  const point = points.find((p) => `${p.platform}-${p.environment}`.toLowerCase() === platform.toLowerCase());
  if (!point) throw new FormatError(`${base}/connectionPoints has no connection point ${platform}; check the environment's platform id`);
  const responses = new Map<Endpoint, Record<string, unknown>[]>([['connectionPoints', [point]]]);
  responses.set('serviceProductions', (await get(`serviceProductions?connectionPointId=${point.id}&include=connectionPoint,logicalAddress,serviceContract,serviceProducer`)) as Record<string, unknown>[]);
  responses.set('cooperations', (await get(`cooperations?connectionPointId=${point.id}&include=connectionPoint,logicalAddress,serviceContract,serviceConsumer`)) as Record<string, unknown>[]);
  return readTakApi(responses, platform);
}

function getJson(url: string, variables: NodeJS.ProcessEnv): Promise<unknown> {
  const user = variables.TAK_API_USER;
  const auth = user ? `Basic ${Buffer.from(`${user}:${variables.TAK_API_PASSWORD ?? ''}`).toString('base64')}` : undefined;
  const ca = variables.TAK_API_CA ? readFileSync(variables.TAK_API_CA) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) }, ...(ca ? { ca } : {}), timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) {
          const hint = res.statusCode === 401 ? '; set TAK_API_USER and TAK_API_PASSWORD' : '';
          return reject(new FormatError(`${url} answered ${res.statusCode}${hint}`));
        }
        try {
          const value = JSON.parse(text) as unknown;
          if (!Array.isArray(value)) return reject(new FormatError(`${url} did not answer with a JSON array (a TAK-api list response)`));
          resolve(value);
        } catch {
          reject(new FormatError(`${url} did not answer with JSON`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', (error: NodeJS.ErrnoException) => reject(new FormatError(`cannot read ${url}: ${error.code ?? error.message}; check the URL, TAK_API_CA and the network`)));
    req.end();
  });
}
