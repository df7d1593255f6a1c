/**
 * Synthetic, realistic repositories for the benchmarks: ~300 systems (fewer below 250k entries), ~600 contracts in 80 service
 * domains, tens of thousands of care units (for the largest sizes), and connections in test, qa and
 * prod whose expanded routing entries and authorizations add up to the requested number. The same
 * seed gives the same repository. The repository is compliant with the policy pack (certificates that
 * chain to the environment's CA, networks declared, pre-studies and test evidence, every routing
 * authorized and every authorization routed), so `tak validate` reports no errors on it.
 *
 *   await generateRepository(dir, { entries: 1_000_000 });   // a git repository with one commit
 *   await changeOnePercent(dir);                              // ~1% of the entries changed, uncommitted
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildCatalog, type Catalog } from './synthetic/catalog';
import { issue, makeCa } from '../test/helpers/certs';
import { buildConnections, entriesOf, type ConnectionModel } from './synthetic/connections';
import { Random } from './synthetic/random';
import {
  ENVIRONMENTS,
  hostOf,
  renderAddresses,
  renderConnection,
  renderDomain,
  renderEnvironment,
  renderSystem,
  renderTrustedCas,
} from './synthetic/render';

const run = promisify(execFile);

export interface GenerateOptions {
  /** Expanded routing entries + authorizations, across the three environments. */
  entries: number;
  seed?: number;
}

/** What `.complete` records: enough to rebuild the same model (for `changeOnePercent`). */
interface Marker {
  version: number;
  entries: number;
  seed: number;
  /** Expanded entries actually generated, across all environments. */
  generated: number;
  connections: number;
}

const MARKER = '.complete';
const DEFAULT_SEED = 2026;
/** Bumped whenever the generated content changes, so that cached repositories are made anew. */
const GENERATOR_VERSION = 5;

export interface Model {
  catalog: Catalog;
  connections: ConnectionModel[];
  /** Expanded entries in one environment (the three carry the same connections). */
  perEnvironment: number;
}

/** The whole repository as plain data; a pure function of (entries, seed). */
export function buildModel(entries: number, seed = DEFAULT_SEED): Model {
  const rng = new Random(seed);
  const units = Math.min(50_000, Math.max(2_000, Math.round(entries / 25)));
  const catalog = buildCatalog(rng, units, entries / 250_000);
  const connections = buildConnections(rng, catalog, Math.round(entries / ENVIRONMENTS.length));
  return { catalog, connections, perEnvironment: connections.reduce((n, c) => n + entriesOf(c), 0) };
}

function readMarker(dir: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

/** Whether `dir` holds the repository this version of the generator makes for `opts` (a cache hit). */
export function isGenerated(dir: string, opts: GenerateOptions): boolean {
  const marker = readMarker(dir);
  return marker?.version === GENERATOR_VERSION && marker.entries === opts.entries && marker.seed === (opts.seed ?? DEFAULT_SEED);
}

/**
 * Writes the repository into `dir` (which must not exist, or be one this function made) and
 * commits it. Built in a sibling folder and renamed into place, so a crash leaves no half repository;
 * `.complete` is written last.
 */
export async function generateRepository(dir: string, opts: GenerateOptions): Promise<void> {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, MARKER))) {
    throw new Error(`${dir} exists and is not a generated repository; remove it or choose another folder`);
  }
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const model = buildModel(opts.entries, seed);
  await writeRepository(partial, model);
  await commit(partial, `Synthetic repository: ${model.perEnvironment * ENVIRONMENTS.length} entries, seed ${seed}`);
  const marker: Marker = {
    version: GENERATOR_VERSION,
    entries: opts.entries,
    seed,
    generated: model.perEnvironment * ENVIRONMENTS.length,
    connections: model.connections.length,
  };
  writeFileSync(path.join(partial, MARKER), `${JSON.stringify(marker)}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  renameSync(partial, dir);
}

function write(root: string, file: string, text: string): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

async function writeRepository(root: string, { catalog, connections }: Model): Promise<void> {
  write(root, '.gitignore', `${MARKER}\n`);
  write(root, 'README.md', '# Synthetic tak-gitops repository\n\nGenerated by `bench/generate.ts` for the benchmarks.\n');
  for (const d of catalog.domains) write(root, `config/service-domains/${d.slug}.yaml`, renderDomain(d));
  for (const [file, addresses] of catalog.addressFiles) write(root, file, renderAddresses(addresses));
  for (const s of catalog.systems) write(root, `config/systems/${s.slug}.yaml`, renderSystem(s));
  await writeCertificates(root, catalog);
  for (const env of ENVIRONMENTS) {
    write(root, `environments/${env}/environment.yaml`, renderEnvironment(env, catalog));
    for (const c of connections) write(root, `environments/${env}/${c.file}`, renderConnection(c, env));
  }
}

/** Valid from 2025 for 20 years, so that the benchmark repositories do not rot. */
const VALIDITY = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z') };

/** The two CAs, and a test and a production function certificate for every consumer. */
async function writeCertificates(root: string, catalog: Catalog): Promise<void> {
  const testCa = await makeCa('Synthetic TEST Function CA v1', { ec: 'P-256' }, VALIDITY);
  const prodCa = await makeCa('Synthetic Function CA v1', { ec: 'P-256' }, VALIDITY);
  write(root, 'config/trusted-cas.yaml', renderTrustedCas());
  write(root, 'config/cas/test-function-ca.pem', testCa.pem);
  write(root, 'config/cas/function-ca.pem', prodCa.pem);
  for (const system of catalog.systems.filter((s) => s.consumes)) {
    const { hsaId, organisation, slug } = system;
    const functionCertificate = (ca: typeof testCa, env: 'test' | 'prod') =>
      issue(ca, { serialNumber: hsaId, organisation, commonName: hostOf(system, env), ...VALIDITY });
    write(root, `config/systems/certs/${slug}-test.pem`, (await functionCertificate(testCa, 'test')).pem);
    write(root, `config/systems/certs/${slug}-prod.pem`, (await functionCertificate(prodCa, 'prod')).pem);
  }
}

async function commit(root: string, message: string): Promise<void> {
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'tak-gitops bench');
  await git('config', 'user.email', 'bench@example.se');
  await git('config', 'commit.gpgsign', 'false');
  await git('add', '-A');
  await git('commit', '-q', '-m', message);
}

/**
 * Changes about 1% of the expanded entries in every environment of a generated repository, in its
 * working tree (not committed): new care units added to a mass connection, the endpoints of a few
 * connections moved, a consumer's authorizations removed from a few. The result is still compliant.
 * Rebuilds the model from the seed in `.complete`, so running it twice gives the same files.
 */
export async function changeOnePercent(dir: string): Promise<void> {
  const marker = readMarker(dir);
  if (marker?.version !== GENERATOR_VERSION) throw new Error(`${dir} was not made by this version of the generator; generate it again`);
  const model = buildModel(marker.entries, marker.seed);
  for (const c of onePercent(model)) {
    for (const env of ENVIRONMENTS) write(dir, `environments/${env}/${c.file}`, renderConnection(c, env));
  }
}

/**
 * Mutates the model by ~1% of one environment's entries; returns the connections it changed. Up to
 * half of it adds care units, the rest is split between moved endpoints and removed authorizations;
 * each change is made in steps small enough (one contract, one address) that small repositories
 * change ~1% too.
 */
function onePercent(model: Model): Set<ConnectionModel> {
  const budget = model.perEnvironment * 0.01;
  const changed = new Set<ConnectionModel>();
  // New care units of the region (its spare ones) join a mass connection, routed and authorized.
  let added = 0;
  for (const c of model.connections.filter((x) => x.mass)) {
    const perAddress = c.contracts.length * (1 + c.consumers.length);
    const take = Math.min(c.region!.spare.length, Math.floor((budget / 2 - added) / perAddress));
    if (take <= 0) continue;
    c.addresses = [...c.addresses, ...c.region!.spare.slice(0, take)];
    added += take * perAddress;
    changed.add(c);
  }
  // Endpoints moved, one contract at a time (each moves the contract's routing at every address).
  let moved = 0;
  const small = model.connections.filter((x) => !x.mass);
  for (const c of small) {
    while (c.movedEndpoints < c.contracts.length && moved + c.addresses.length <= (budget - added) / 2) {
      c.movedEndpoints++;
      moved += c.addresses.length;
      changed.add(c);
    }
  }
  // The last consumer of a shared connection loses its authorizations, one address at a time.
  let removed = 0;
  for (const c of small.filter((x) => x.consumers.length >= 2 && x.movedEndpoints === 0)) {
    while (c.revokedAddresses < c.addresses.length && removed + c.contracts.length <= budget - added - moved) {
      c.revokedAddresses++;
      removed += c.contracts.length;
      changed.add(c);
    }
  }
  return changed;
}

/** `tsx bench/generate.ts DIR ENTRIES [SEED]`: generate one repository by hand. */
if (require.main === module) {
  const [dir, entries, seed] = process.argv.slice(2);
  generateRepository(dir, { entries: Number(entries), seed: seed ? Number(seed) : undefined }).catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
