/**
 * `tak serve [--env E ...] [--port N] [--host H] [--tls-cert F --tls-key F --client-ca F]`: the
 * catalog's read interfaces (SokVagvalsInfo v2, the order feed, TAK-api v2) over the applied commit
 * of each environment, reloaded when its ref moves. Runs until interrupted.
 */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Option, type Command } from 'commander';
import { CatalogSource } from '../../serve/source';
import { API_PATH, createServeServer, ORDERS_PATH, SOAP_PATH } from '../../serve/server';
import { CliError } from '../errors';
import { clock, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface ServeOptions extends CommonOptions, ClockOptions {
  env?: string[];
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  clientCa?: string;
  poll: string;
  accessLog: boolean;
}

export function register(program: Command): void {
  withClock(withCommonOptions(program.command('serve')))
    .description('serve the applied state of each environment to the platform: SokVagvalsInfo v2, the order feed, TAK-api v2')
    .addOption(new Option('-e, --env <name...>', 'the environments to serve (default: every environment)'))
    .option('-p, --port <port>', 'the port to listen on', '8080')
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--tls-cert <file>', 'the server certificate (PEM); with --tls-key and --client-ca, serve HTTPS with client certificates')
    .option('--tls-key <file>', 'the server certificate\'s private key (PEM)')
    .option('--client-ca <file>', 'the CA certificates (PEM) that client certificates must be issued by')
    .option('--poll <seconds>', 'how often to look whether an applied ref moved', '2')
    .option('--no-access-log', 'do not write a line per request to standard output')
    .action(async (options: ServeOptions) => {
      const root = repositoryRoot(options);
      const port = whole(options.port, '--port', 0, 65535);
      const pollMs = Number(options.poll) * 1000;
      if (!(pollMs >= 100 && pollMs <= 3_600_000)) throw new CliError(`--poll ${options.poll} is not a number of seconds between 0.1 and 3600`);
      const now = options.now ? clock(options) : undefined;
      const tls = tlsFiles(options);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const source = new CatalogSource({ root, envs: options.env, now: () => now ?? new Date(), log });
      await source.start().catch((error: Error) => {
        throw new CliError(`cannot read the repository at ${root}: ${error.message}`);
      });
      const { server } = createServeServer({
        source,
        root,
        tls,
        accessLog: options.accessLog ? (line) => process.stdout.write(`${line}\n`) : undefined,
      });
      server.listen(port, options.host);
      await Promise.race([
        once(server, 'listening'),
        once(server, 'error').then(([error]) => {
          throw new CliError(`cannot listen on ${options.host}:${port}: ${(error as Error).message}; choose another --port or --host`);
        }),
      ]);
      const { port: bound } = server.address() as AddressInfo;
      const base = `${options.tlsCert ? 'https' : 'http'}://${options.host}:${bound}`;
      log(`listening on ${base}: ${source.environments().map((e) => `${base}/${e}/${SOAP_PATH}`).join(', ')}; orders at /<env>/${ORDERS_PATH}/<number>, TAK-api at /<env>/${API_PATH}/`);
      const timer = setInterval(() => void source.reload().catch((error: Error) => log(`reload failed: ${error.message}`)), pollMs);
      await once(server, 'close');
      clearInterval(timer);
    });
}

function whole(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new CliError(`${name} ${text} is not a whole number from ${min} to ${max}`);
  return n;
}

/** The three TLS files, all or none. */
function tlsFiles(options: ServeOptions): { cert: Buffer; key: Buffer; ca: Buffer } | undefined {
  const given = [options.tlsCert, options.tlsKey, options.clientCa].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3) throw new CliError('--tls-cert, --tls-key and --client-ca go together: give all three (HTTPS with client certificates) or none (plain HTTP)');
  const read = (file: string, option: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new CliError(`${option} ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  return { cert: read(options.tlsCert!, '--tls-cert'), key: read(options.tlsKey!, '--tls-key'), ca: read(options.clientCa!, '--client-ca') };
}
