/**
 * Support for the `tak serve` cases: the server runs as its own process (`node bin/tak.js serve`,
 * loopback, a free port), so that its peak memory (VmHWM) is its own and not the client's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

export interface ServeProcess {
  base: string;
  child: ChildProcess;
  /** The server's peak resident memory so far, MiB. */
  peakMiB(): number;
  /** The last lines the server wrote to standard error. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `tak serve -C repo` with `args`; resolves once it listens (the state is loaded by then). */
export function startServe(repo: string, args: string[]): Promise<ServeProcess> {
  const bin = path.join(__dirname, '..', 'bin', 'tak.js');
  const child = spawn(process.execPath, [bin, 'serve', '-C', repo, '--port', '0', '--no-access-log', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    let listening = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-4096);
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(err)?.[1];
      if (port && !listening) {
        listening = true;
        resolve({
          base: `http://127.0.0.1:${port}`,
          child,
          log: () => err,
          peakMiB: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
          stop: () => new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`tak serve exited (${code}) before listening: ${err.trim()}`)));
  });
}

/** GET or POST, counting the bytes of the answer without keeping them. */
export function fetchCount(url: string, body?: string): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'text/xml; charset=utf-8' } : {} }, (res) => {
      let bytes = 0;
      let text = '';
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (text.length < 1 << 20) text += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode!, bytes, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const soapEnvelope = (operation: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:skl:tp:vagvalsinfo:v2"><soapenv:Body><urn:${operation}/></soapenv:Body></soapenv:Envelope>`;

/** A filtered TAK-api query that answers a few routing entries: those of one logical address of one producer. */
export async function filteredQuery(base: string, env: string): Promise<string> {
  const api = `${base}/${env}/coop/api/v2`;
  const producers = JSON.parse((await fetchCount(`${api}/serviceProducers`)).text) as { id: number }[];
  const addresses = JSON.parse((await fetchCount(`${api}/logicalAddresses?serviceProducerId=${producers[0].id}`)).text) as { id: number }[];
  return `/${env}/coop/api/v2/serviceProductions?logicalAddressId=${addresses[Math.floor(addresses.length / 2)].id}&include=logicalAddress,serviceContract,serviceProducer`;
}

/** The environment the bench serves: the synthetic repository gives test, qa and prod the same connections. */
export const BENCH_ENV = 'prod';
