/**
 * The order feed: the catalog fetches `GET <base><number>` with its client certificate. Orders are
 * read from the `tak/orders` branch (made here with git plumbing) or from a configured folder.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openOrderFeed, parseOrderNumber } from '../../src/applied/feed-reader';
import { issue, makeCa, privateKeyPem } from '../helpers/certs';
import { commitAll, exampleRepo, publishOnBranch, request, startServer, type Running } from './support';

const ORDER = `${JSON.stringify({ plattform: 'NTJP-TEST', formatVersion: 1, version: 1, bestallningsTidpunkt: '2026-06-01T12:00:00+0200', genomforandeTidpunkt: '2026-06-01T12:00:00+0200', utforare: 'tak', kommentar: 'order 4711', inkludera: {}, exkludera: {} }, null, 2)}\n`;

describe('the order feed reader', () => {
  let root: string;
  beforeAll(() => {
    root = exampleRepo();
    publishOnBranch(root, { 'test/4711.json': ORDER, 'test/12.json': '{}', 'qa/5.json': '{}', 'test/notes.txt': 'x' });
    mkdirSync(path.join(root, 'feed/test'), { recursive: true });
    writeFileSync(path.join(root, 'feed/test/3.json'), ORDER);
    writeFileSync(path.join(root, 'feed/test/01.json'), '{}');
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads orders by number from the branch, and lists them', async () => {
    const feed = openOrderFeed(root, undefined);
    expect(feed.label).toBe('branch tak/orders');
    expect((await feed.readOrder('test', 4711))?.toString()).toBe(ORDER);
    expect(await feed.readOrder('test', 4712)).toBeUndefined();
    expect(await feed.readOrder('prod', 4711)).toBeUndefined();
    expect(await feed.list('test')).toEqual([12, 4711]);
    expect(await feed.list('prod')).toEqual([]);
    expect(await openOrderFeed(root, { branch: 'no-such-branch' }).readOrder('test', 4711)).toBeUndefined();
  });

  it('reads orders from a folder, ignoring names that are not order numbers', async () => {
    const feed = openOrderFeed(root, { path: 'feed' });
    expect((await feed.readOrder('test', 3))?.toString()).toBe(ORDER);
    expect(await feed.readOrder('test', 1)).toBeUndefined();
    expect(await feed.list('test')).toEqual([3]);
    expect(await feed.list('qa')).toEqual([]);
  });

  it('takes only plain positive numbers as order numbers', () => {
    expect(['4711', '1'].map(parseOrderNumber)).toEqual([4711, 1]);
    expect(['0', '01', '-1', '1e3', '../1', '1.json', '99999999999999999'].map(parseOrderNumber)).toEqual(Array(7).fill(undefined));
  });
});

describe('serving orders to a client with a client certificate', () => {
  let root: string;
  let server: Running;
  let client: { cert: string; key: string; ca: string };
  let stranger: { cert: string; key: string; ca: string };

  beforeAll(async () => {
    root = exampleRepo();
    publishOnBranch(root, { 'test/4711.json': ORDER });
    // qa publishes into a folder instead.
    const env = path.join(root, 'environments/qa/environment.yaml');
    writeFileSync(env, `${readFileSync(env, 'utf8')}orderFeed:\n  path: published\n`);
    mkdirSync(path.join(root, 'published/qa'), { recursive: true });
    writeFileSync(path.join(root, 'published/qa/88.json'), ORDER);
    commitAll(root, 'qa feed in a folder');

    const ca = await makeCa('Example Platform CA');
    const serverCert = await issue(ca, { serialNumber: null, server: 'tak-serve.example.se' });
    const catalog = await issue(ca, { serialNumber: 'SE5565594230-B8N', commonName: 'tak-web.example.se' });
    const otherCa = await makeCa('Some Other CA');
    const other = await issue(otherCa, { serialNumber: 'SE0000000000-XXXX' });
    client = { cert: catalog.pem, key: await privateKeyPem(catalog), ca: ca.pem };
    stranger = { cert: other.pem, key: await privateKeyPem(other), ca: ca.pem };
    server = await startServer(root, {
      tls: { cert: Buffer.from(serverCert.pem), key: Buffer.from(await privateKeyPem(serverCert)), ca: Buffer.from(ca.pem) },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the published order by number, and logs the caller\'s HSA-id', async () => {
    const reply = await request(`${server.base}/test/orders/4711`, { tls: client });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.body).toBe(ORDER);
    const line = server.log.map((l) => (l.startsWith('{') ? JSON.parse(l) : {})).find((l) => l.path === '/test/orders/4711');
    expect(line).toMatchObject({ client: 'SE5565594230-B8N', status: 200, method: 'GET' });
  });

  it('reads a folder feed when environment.yaml names one', async () => {
    expect((await request(`${server.base}/qa/orders/88`, { tls: client })).body).toBe(ORDER);
    expect((await request(`${server.base}/qa/orders/4711`, { tls: client })).status).toBe(404);
  });

  it('answers 404 for a number that was never published', async () => {
    const reply = await request(`${server.base}/test/orders/4712`, { tls: client });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).message).toBe('test has no published order 4712 (the order feed is the branch tak/orders)');
  });

  it('refuses a client without a certificate, or with one from another CA', async () => {
    await expect(request(`${server.base}/test/orders/4711`, { tls: { ca: client.ca } })).rejects.toThrow();
    await expect(request(`${server.base}/test/orders/4711`, { tls: stranger })).rejects.toThrow();
    expect((await request(`${server.base}/health`, { tls: client })).status).toBe(200);
  });
});
