/**
 * The HTTP(S) server of `tak serve`: per environment, SokVagvalsInfo v2, the order feed and the
 * TAK-api, plus /health and /metrics. Read-only: nothing a request says changes what is served.
 * Every request is answered (a SOAP fault, or an HTTP error with a JSON body that says what is
 * wrong); a handler's failure is a 500 for that request, never the end of the server.
 *
 *   POST /<env>/tak-services/SokVagvalsInfo/v2     SOAP 1.1, the four operations
 *   GET  /<env>/orders/<number>                     the published order, JSON
 *   GET  /<env>/coop/api/v2/<endpoint>[/<id>]       TAK-api v2
 *   GET  /health, /metrics
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openOrderFeed, parseOrderNumber, type OrderFeedReader } from '../applied/feed-reader';
import { chunked, lazyMap } from '../formats/chunks';
import { serveMetrics, type ServeMetrics } from './metrics';
import type { CatalogSource } from './source';
import type { Snapshot } from './snapshot';
import { ApiError, type Item } from './takapi';
import { readSoapRequest, soapFault, soapResponse, SoapFault } from './vagvalsinfo';

export const SOAP_PATH = 'tak-services/SokVagvalsInfo/v2';
export const API_PATH = 'coop/api/v2';
export const ORDERS_PATH = 'orders';

export interface Limits {
  /** The largest request body accepted (SOAP requests are a few hundred bytes). */
  maxBodyBytes: number;
  /** Time allowed for a request's headers, and for the whole request to arrive. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** A connection with no traffic for this long (a client that stopped reading) is closed. */
  idleTimeoutMs: number;
}

/** As nginx's defaults (60 s for headers and between reads): generous enough for a machine that is briefly busy. */
export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 64 * 1024, headersTimeoutMs: 60_000, requestTimeoutMs: 120_000, idleTimeoutMs: 120_000 };

const KEEP_ALIVE_MS = 65_000;

export interface ServerOptions {
  source: CatalogSource;
  root: string;
  /** With certificates: HTTPS, and every client must present a certificate issued by `ca`. */
  tls?: { cert: Buffer; key: Buffer; ca: Buffer };
  limits?: Partial<Limits>;
  /** One line per request (JSON); none when absent. */
  accessLog?: (line: string) => void;
}

export interface ServeServer {
  server: http.Server;
  metrics: ServeMetrics;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function createServeServer(options: ServerOptions): ServeServer {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = serveMetrics(options.source);
  options.source.onReload((results) => metrics.reloaded(results));
  const feeds = new Map<string, OrderFeedReader>();
  const feedOf = (snapshot: Snapshot) => {
    const key = JSON.stringify(snapshot.orderFeed ?? {});
    let feed = feeds.get(key);
    if (!feed) feeds.set(key, (feed = openOrderFeed(options.root, snapshot.orderFeed)));
    return feed;
  };
  const context: Context = { ...options, limits, metrics, feedOf };
  const serverOptions: http.ServerOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void handle(context, req, res);
  const server = options.tls
    ? https.createServer({ ...serverOptions, ...options.tls, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' }, handler)
    : http.createServer(serverOptions, handler);
  server.timeout = limits.idleTimeoutMs;
  // A client may send its next request on a kept-alive connection just as the server closes it; a
  // long keep-alive (as behind load balancers) makes that rare, also while a reload briefly holds the thread.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return { server, metrics };
}

interface Context extends ServerOptions {
  limits: Limits;
  metrics: ServeMetrics;
  feedOf(snapshot: Snapshot): OrderFeedReader;
}

async function handle(context: Context, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const start = process.hrtime.bigint();
  const url = new URL(req.url ?? '/', 'http://serve');
  const parts = url.pathname.split('/').filter(Boolean);
  const route = routeName(parts);
  try {
    await dispatch(context, req, res, parts, url);
  } catch (error) {
    respondError(res, route, error);
  } finally {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    context.metrics.observe(route, res.statusCode, seconds);
    context.accessLog?.(
      JSON.stringify({
        time: new Date().toISOString(),
        remote: req.socket.remoteAddress,
        client: callerHsaId(req),
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
      }),
    );
  }
}

/** The route's template, for metrics (a label per template, not per URL). */
function routeName(parts: string[]): string {
  if (parts.length === 1 && (parts[0] === 'health' || parts[0] === 'metrics')) return `/${parts[0]}`;
  const rest = parts.slice(1).join('/');
  if (rest === SOAP_PATH) return `/{env}/${SOAP_PATH}`;
  if (parts[1] === ORDERS_PATH) return `/{env}/${ORDERS_PATH}/{number}`;
  if (rest.startsWith(`${API_PATH}/`)) return `/{env}/${API_PATH}/${parts[4] ?? ''}${parts.length > 5 ? '/{id}' : ''}`;
  return 'other';
}

/** The caller's HSA-id: the subject serialNumber of its client certificate (as the VP reads it). */
function callerHsaId(req: http.IncomingMessage): string | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  const serial = socket.getPeerCertificate?.()?.subject?.serialNumber as string | string[] | undefined;
  return Array.isArray(serial) ? serial[0] : serial;
}

async function dispatch(context: Context, req: http.IncomingMessage, res: http.ServerResponse, parts: string[], url: URL): Promise<void> {
  if (parts.length === 1 && parts[0] === 'health') {
    allow(req, 'GET');
    return health(context, res);
  }
  if (parts.length === 1 && parts[0] === 'metrics') {
    allow(req, 'GET');
    const text = await context.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': context.metrics.registry.contentType });
    res.end(text);
    return;
  }
  const [env, ...rest] = parts;
  const path = rest.join('/');
  if (path === SOAP_PATH) return soap(context, req, res, env);
  if (rest[0] === ORDERS_PATH && rest.length === 2) {
    allow(req, 'GET');
    return order(context, res, env, rest[1]);
  }
  if (path.startsWith(`${API_PATH}/`) && rest.length <= 5) {
    allow(req, 'GET');
    const snapshot = served(context, env);
    const answer = snapshot.api.answer(rest[3], rest[4], url.searchParams);
    return json(res, answer);
  }
  throw new HttpError(
    404,
    `nothing at ${url.pathname}; this server answers /health, /metrics and, per environment (${context.source.environments().join(', ')}), /<env>/${SOAP_PATH}, /<env>/${ORDERS_PATH}/<number>, /<env>/${API_PATH}/<endpoint>`,
  );
}

function allow(req: http.IncomingMessage, method: 'GET' | 'POST'): void {
  if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return;
  throw new HttpError(405, `${req.method} is not allowed here; use ${method} (this server is read-only)`, { allow: method === 'GET' ? 'GET, HEAD' : method });
}

/** The environment's current snapshot: 404 for an environment not served, 503 for one with no good state yet. */
function served(context: Context, env: string): Snapshot {
  if (!context.source.environments().includes(env)) {
    throw new HttpError(404, `environment ${env} is not served here (served: ${context.source.environments().join(', ')})`);
  }
  const snapshot = context.source.snapshot(env);
  if (!snapshot) throw new HttpError(503, `environment ${env} has no state without errors to serve yet; see /health`, { 'retry-after': '10' });
  return snapshot;
}

function health(context: Context, res: http.ServerResponse): void {
  const environments = context.source.status();
  const missing = environments.some((e) => !e.serving);
  const degraded = environments.some((e) => e.refused || e.problem);
  const status = missing ? 'unavailable' : degraded ? 'degraded' : 'ok';
  res.writeHead(missing ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify({ status, environments }, null, 2)}\n`);
}

async function soap(context: Context, req: http.IncomingMessage, res: http.ServerResponse, env: string): Promise<void> {
  let operation;
  let snapshot: Snapshot;
  try {
    if (req.method !== 'POST') throw new SoapFault('Client', `SokVagvalsInfo v2 takes SOAP requests by POST, not ${req.method}`);
    const body = await readBody(req, context.limits.maxBodyBytes);
    operation = readSoapRequest(body, req.headers['content-type']);
    try {
      snapshot = served(context, env);
    } catch (error) {
      throw new SoapFault('Server', (error as Error).message);
    }
  } catch (error) {
    if (!(error instanceof SoapFault)) throw error;
    res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(soapFault(error));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'x-tak-commit': snapshot.commit });
  await send(res, soapResponse(operation, snapshot));
}

/** The request body as text, refusing more than `max` bytes (413) before reading it all. */
function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.reject(new SoapFault('Client', `the request is ${declared} bytes; at most ${max} are accepted`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new SoapFault('Client', `the request is larger than ${max} bytes, the most accepted`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function order(context: Context, res: http.ServerResponse, env: string, text: string): Promise<void> {
  const snapshot = served(context, env);
  const number = parseOrderNumber(text);
  const feed = context.feedOf(snapshot);
  const bytes = number === undefined ? undefined : await feed.readOrder(env, number);
  if (!bytes) throw new HttpError(404, `${env} has no published order ${text} (the order feed is the ${feed.label})`);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** Lists longer than this are streamed; shorter ones (most filtered queries) are one write. */
const STREAMED_ITEMS = 1000;

/** A JSON value; a long list is streamed item by item, so a million rows are never one string. */
async function json(res: http.ServerResponse, value: Item[] | Item): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  if (!Array.isArray(value) || value.length <= STREAMED_ITEMS) return void res.end(JSON.stringify(value));
  const items = lazyMap(value.entries(), ([i, item]) => `${i ? ',' : ''}${JSON.stringify(item)}`);
  await send(res, chunked([['['], items, [']']], 1 << 16));
}

/** Writes the chunks with backpressure; a client that goes away ends the stream, not the server. */
async function send(res: http.ServerResponse, chunks: Iterable<string>): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}

function respondError(res: http.ServerResponse, route: string, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = error instanceof HttpError || error instanceof ApiError ? error.status : 500;
  const message = status === 500 ? `internal error on ${route}: ${(error as Error)?.message ?? error}` : (error as Error).message;
  const headers = error instanceof HttpError ? error.headers : {};
  const fields = error instanceof ApiError ? error.fields : undefined;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(`${JSON.stringify({ code: status, message, ...(fields && { fields }) })}\n`);
}
