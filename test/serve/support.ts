/**
 * Helpers for `tak serve` tests: a git repository of the example data, order feeds made with git
 * plumbing, a running server on 127.0.0.1, requests, and the checks the platform's own schemas make
 * (xmllint over the SokVagvalsInfo XSDs, ajv over the TAK-api spec).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { CatalogSource } from '../../src/serve/source';
import { createServeServer, type ServerOptions } from '../../src/serve/server';
import { commitAll, git } from '../plan/git';
import { copyExample, REPO_ROOT } from '../plan/support';

export { git, commitAll };
// After every approval of the example data (approvals may not lie in the future), before any certificate expires.
export const NOW = new Date('2026-12-01T00:00:00Z');
export const SOAP = 'tak-services/SokVagvalsInfo/v2';

/**
 * The example data committed in a new repository, with a copy of `src` so that TypeScript
 * declarations import the helpers (`../../../src`) from inside the repository, as in this one: the
 * loader refuses imports whose path leads out of the repository, through a link too.
 */
export function exampleRepo(): string {
  const root = copyExample();
  cpSync(path.join(REPO_ROOT, 'src'), path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(root, '.gitignore'), '.tak/\n');
  commitAll(root, 'example');
  return root;
}

/** Publishes `files` (feed path -> content) as the only commit of branch `branch`, with plumbing only. */
export function publishOnBranch(root: string, files: Record<string, string>, branch = 'tak/orders'): void {
  const byFolder = new Map<string, string[]>();
  for (const [file, content] of Object.entries(files)) {
    const [folder, name] = file.split('/');
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: content }).toString().trim();
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), `100644 blob ${blob}\t${name}`]);
  }
  const mktree = (lines: string[]) => execFileSync('git', ['mktree'], { cwd: root, input: `${lines.join('\n')}\n` }).toString().trim();
  const top = mktree([...byFolder].map(([folder, lines]) => `040000 tree ${mktree(lines)}\t${folder}`));
  const commit = git(root, '-c', 'user.name=Feed', '-c', 'user.email=feed@example.se', 'commit-tree', top, '-m', 'orders');
  git(root, 'update-ref', `refs/heads/${branch}`, commit);
}

export interface Running {
  base: string;
  source: CatalogSource;
  log: string[];
  close(): Promise<void>;
}

/** A server over `root` on a free loopback port. */
export async function startServer(root: string, options: Partial<ServerOptions> & { envs?: string[] } = {}): Promise<Running> {
  const log: string[] = [];
  const source = new CatalogSource({ root, envs: options.envs, now: () => NOW, log: (line) => log.push(line) });
  await source.start();
  const { server } = createServeServer({ source, root, accessLog: (line) => log.push(line), ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    source,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request; `agent` options (certificates) make it HTTPS. */
export function request(url: string, options: { method?: string; body?: string; headers?: Record<string, string>; tls?: https.RequestOptions } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.request(url, { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers: options.headers, ...options.tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export const envelope = (operation: string, ns = 'urn:skl:tp:vagvalsinfo:v2') =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="${ns}"><soapenv:Header/><soapenv:Body><urn:${operation}/></soapenv:Body></soapenv:Envelope>`;

export const soapCall = (base: string, env: string, operation: string) =>
  request(`${base}/${env}/${SOAP}`, { body: envelope(operation), headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' } });

let relaxed: string | undefined;

/**
 * The shipped XSDs with one change: `tjansteKontrakt` typed xs:string instead of xs:NCName. Every
 * real contract namespace (`urn:riv:…`) has colons, which NCName forbids; the platform's own test
 * cache breaks it too. Nothing else is relaxed.
 */
export function relaxedSchema(): string {
  if (relaxed) return relaxed;
  const dir = mkdtempSync(path.join(tmpdir(), 'vagvalsinfo-xsd-'));
  cpSync(path.join(REPO_ROOT, 'src/serve/schemas/vagvalsinfo-2.0'), dir, { recursive: true });
  const interactions = path.join(dir, 'interactions/vagvalsInfo');
  let replaced = 0;
  for (const name of readdirSync(interactions)) {
    const file = path.join(interactions, name);
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/<xs:element name="tjansteKontrakt" type="xs:NCName"\/>/g, () => (replaced++, '<xs:element name="tjansteKontrakt" type="xs:string"/>'));
    writeFileSync(file, changed);
  }
  if (replaced !== 2) throw new Error(`expected tjansteKontrakt in two XSDs, relaxed ${replaced}`);
  relaxed = path.join(interactions, 'vagvalsinfo-sokvagvalsinfo-2.0.xsd');
  return relaxed;
}

/** xmllint's verdict on the response element of a SOAP envelope: '' when it validates, else its complaints. */
export function xmllintBody(soap: string): string {
  const body = /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(soap)?.[1];
  if (!body) return 'no soap:Body in the response';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'soap-body-')), 'body.xml');
  writeFileSync(file, body);
  try {
    execFileSync('xmllint', ['--noout', '--schema', relaxedSchema(), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let api: Map<string, Validate> | undefined;

/**
 * Validators of the TAK-api spec's 200 responses, by path (`/serviceProductions`,
 * `/serviceProductions/{id}`): the schemas exactly as the spec gives them, compiled by ajv.
 */
export function apiResponseSchemas(): Map<string, Validate> {
  if (api) return api;
  const spec = YAML.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/formats/takapi-openapi_v2.yaml'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'takapi', components: spec.components }, 'takapi');
  const pointer = (schema: { $ref?: string; items?: { $ref: string } }) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"takapi#/components/'));
  api = new Map(
    Object.entries(spec.paths as Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>).map(([name, p]) => [
      name,
      ajv.compile(pointer(p.get.responses['200'].content!['application/json'].schema)) as Validate,
    ]),
  );
  return api;
}
