/**
 * Lossless import and export: a catalog whose strings hold everything real catalogs hold (white
 * space at the ends, newlines and tabs inside, Unicode line separators, quotes, YAML indicators and
 * special words, numbers with leading zeros, other scripts, long values) goes through import →
 * declaration files → validate → export and comes back byte for byte, through each of the
 * platform's formats (tak-export, takapi, order).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readTakExport } from '../../src/formats/tak-export/read';
import { writeTakExport } from '../../src/formats/tak-export/write';
import { readTakApiFolder } from '../../src/formats/takapi/read';
import { takApiFiles, takApiResponses } from '../../src/formats/takapi/write';
import { wholeOrder } from '../../src/export/order';
import { readOrder } from '../../src/formats/order/read';
import { emptyTables, type TakTables } from '../../src/formats/tak/tables';
import { naturalKey } from '../../src/model/syntax';
import { runCli } from '../helpers/cli';
import { validateRepo } from '../helpers/minimal-repo';
import { forbiddenCharacter } from '../../src/model/characters';
import { distinct, trickyText, trickyToken, trickyTrimmed } from './arbitraries';

/** A system's name (the catalog's component description) is one line for people: no control or invisible characters. */
const trickyName = trickyText.filter((t) => forbiddenCharacter(t, 'line') === undefined);

const NOW = '2026-06-01';
const SEED = 20261202;

interface Shape {
  components: [string, string][];
  addresses: [string, string][];
  contracts: { namespace: string; description: string; major: number; minor: number }[];
  routing: { contract: number; address: number; producer: number; url: string }[];
  authorizations: { consumer: number; contract: number; address: number; agreement: string; filter?: { domain: string; categories: string[] } }[];
}

/** A contract namespace: today's form (its major from the namespace) or anything a legacy row holds. */
const namespace = fc.oneof(
  fc.tuple(trickyText, fc.integer({ min: 0, max: 9 })).map(([name, major]) => ({ ns: `urn:riv:x:${name}Responder:${major}`, major })),
  fc.tuple(trickyText, fc.integer({ min: 0, max: 9 })).map(([ns, major]) => ({ ns, major })),
);

const catalog: fc.Arbitrary<Shape> = fc
  .record({
    components: distinct(trickyText, 1, 3).chain((ids) => fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), trickyName)))),
    addresses: distinct(trickyText, 1, 3).chain((ids) => fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), trickyText)))),
    contracts: fc.uniqueArray(fc.record({ n: namespace, description: trickyText, minor: fc.integer({ min: 0, max: 3 }) }), {
      minLength: 1,
      maxLength: 3,
      selector: (c) => c.n.ns.toLowerCase(),
    }),
  })
  .chain((base) => {
    const pick = (list: unknown[]) => fc.nat({ max: list.length - 1 });
    const pair = fc.tuple(pick(base.contracts), pick(base.addresses));
    return fc.record({
      components: fc.constant(base.components as [string, string][]),
      addresses: fc.constant(base.addresses as [string, string][]),
      contracts: fc.constant(base.contracts.map((c) => ({ namespace: c.n.ns, description: c.description, major: c.n.major, minor: c.minor }))),
      routing: fc
        .uniqueArray(fc.tuple(pair, pick(base.components), trickyText), { maxLength: 4, selector: ([p]) => p.join() })
        .map((rows) => rows.map(([[contract, address], producer, url]) => ({ contract, address, producer, url }))),
      authorizations: fc
        .uniqueArray(
          fc.tuple(pair, pick(base.components), trickyTrimmed, fc.option(fc.record({ domain: trickyToken, categories: distinct(trickyTrimmed, 0, 2) }), { nil: undefined })),
          { maxLength: 4, selector: ([p, c]) => `${p.join()}|${c}` },
        )
        .map((rows) => rows.map(([[contract, address], consumer, agreement, filter]) => ({ contract, address, consumer, agreement, filter }))),
    });
  });

function tablesOf(shape: Shape): TakTables {
  const t = emptyTables();
  for (const [hsaId, description] of shape.components) t.components.set(naturalKey(hsaId), { hsaId, description });
  for (const [hsaId, description] of shape.addresses) t.logicalAddresses.set(naturalKey(hsaId), { hsaId, description });
  for (const c of shape.contracts) t.contracts.set(naturalKey(c.namespace), c);
  t.routing = shape.routing.map((r) => ({
    contract: shape.contracts[r.contract].namespace,
    logicalAddress: shape.addresses[r.address][0],
    producer: shape.components[r.producer][0],
    profile: 'RIVTABP21',
    url: r.url,
  }));
  t.authorizations = shape.authorizations.map((a) => ({
    consumer: shape.components[a.consumer][0],
    contract: shape.contracts[a.contract].namespace,
    logicalAddress: shape.addresses[a.address][0],
    integrationAgreement: a.agreement,
    filters: a.filter ? [{ serviceDomain: a.filter.domain, categorizations: a.filter.categories }] : [],
  }));
  return t;
}

/** The tables as sorted lines, without dates (an export writes its own day for rows without one). */
function lines(t: TakTables, parts: { descriptions?: boolean; agreements?: boolean; components?: Set<string> } = {}) {
  const { descriptions = true, agreements = true } = parts;
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    components: sorted([...t.components.values()].filter((c) => !parts.components || parts.components.has(naturalKey(c.hsaId))).map((c) => [c.hsaId, descriptions ? c.description : ''])),
    addresses: sorted([...t.logicalAddresses.values()].map((la) => [la.hsaId, la.description])),
    contracts: sorted([...t.contracts.values()].map((c) => [c.namespace, descriptions ? c.description : '', c.major, c.minor])),
    routing: sorted(t.routing.map((r) => [r.contract, r.logicalAddress, r.producer, r.profile, r.url])),
    authorizations: sorted(
      t.authorizations.map((a) => [a.consumer, a.contract, a.logicalAddress, agreements ? a.integrationAgreement : '', agreements ? a.filters : []]),
    ),
  };
}

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tak-lossless-'));
  folders.push(dir);
  return dir;
}

async function tak(...args: string[]) {
  const result = await runCli([...args, '--now', NOW]);
  if (result.code !== 0) throw new Error(`tak ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}

/** Validate must read every file the import wrote: no `schema` finding (the rules may report syntax). */
async function expectLoads(root: string): Promise<void> {
  const findings = (await validateRepo(root, new Date(`${NOW}T00:00:00Z`))).findings;
  expect(findings.filter((f) => f.rule === 'schema').map((f) => f.message)).toEqual([]);
}

async function exportedTables(root: string): Promise<TakTables> {
  const out = path.join(root, '..', `${path.basename(root)}.json`);
  folders.push(out);
  await tak('export', 'tak-export', '--env', 'qa', '-C', root, '-o', out);
  return readTakExport(readFileSync(out, 'utf8')).tables;
}

const params = { seed: SEED, numRuns: 12, endOnFailure: true };

/** Every file of a repository (but .git), path -> text. */
function tree(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, tree(root, rel));
    else out[rel] = readFileSync(path.join(root, rel), 'utf8');
  }
  return out;
}

/** Imports a catalog export (named export.json, so that the files' comments agree) into a new folder. */
async function importExport(json: string): Promise<string> {
  const root = folder();
  const input = path.join(root, 'export.json');
  writeFileSync(input, json);
  await tak('import', 'tak-export', input, '--env', 'qa', '-C', root);
  rmSync(input);
  return root;
}

describe('lossless import and export of tricky values', () => {
  it('tak-export → import → files → validate → export tak-export gives every string back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, async (shape) => {
        const tables = tablesOf(shape);
        const root = folder();
        const input = path.join(root, 'export.json');
        writeFileSync(input, writeTakExport(tables, { today: '2015-01-01' }));
        await tak('import', 'tak-export', input, '--env', 'qa', '-C', root);
        rmSync(input);
        await expectLoads(root);
        expect(lines(await exportedTables(root))).toEqual(lines(tables));
      }),
      params,
    );
  });

  it('import → export → import is stable: the second import writes the same files byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, async (shape) => {
        const first = await importExport(writeTakExport(tablesOf(shape), { today: '2015-01-01' }));
        const out = path.join(first, '..', `${path.basename(first)}.json`);
        folders.push(out);
        await tak('export', 'tak-export', '--env', 'qa', '-C', first, '-o', out);
        const second = await importExport(readFileSync(out, 'utf8'));
        expect(tree(second)).toEqual(tree(first));
      }),
      { ...params, numRuns: 8 },
    );
  });

  it('takapi → import → files → validate → export takapi gives the same rows back', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, async (shape) => {
        const tables = tablesOf(shape);
        const root = folder();
        const api = path.join(root, 'api');
        mkdirSync(api);
        for (const [name, text] of takApiFiles(takApiResponses(tables, { platform: 'NTJP-QA', snapshotTime: '2026-06-01T00:00:00+0200' }))) {
          writeFileSync(path.join(api, name), text);
        }
        await tak('import', 'takapi', api, '--env', 'qa', '-C', root);
        rmSync(api, { recursive: true });
        await expectLoads(root);
        const out = path.join(root, '..', `${path.basename(root)}-api`);
        folders.push(out);
        await tak('export', 'takapi', '--env', 'qa', '-C', root, '-o', out);
        // The api holds no contract descriptions, agreements or filters, and lists only components with a role.
        const roles = new Set([...tables.routing.map((r) => naturalKey(r.producer)), ...tables.authorizations.map((a) => naturalKey(a.consumer))]);
        const want = lines(tables, { descriptions: false, agreements: false, components: roles });
        const back = lines(readTakApiFolder(out).tables, { descriptions: false, agreements: false, components: roles });
        expect(back).toEqual(want);
        const components = lines(readTakApiFolder(out).tables, { components: roles }).components;
        expect(components).toEqual(lines(tables, { components: roles }).components);
      }),
      params,
    );
  });

  it('an order that refers to tricky entities by their exact values → import order → files → export gives the ordered rows back', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, async (shape) => {
        const tables = tablesOf(shape);
        // The repository holds the catalog's entities and one routing row per call address; the order adds the rest.
        const held: TakTables = { ...tables, routing: [], authorizations: [] };
        const seen = new Set<string>();
        for (const r of tables.routing) {
          const address = `${naturalKey(r.producer)}|${r.url}`;
          if (!seen.has(address)) held.routing.push(r);
          seen.add(address);
        }
        const root = folder();
        const input = path.join(root, 'export.json');
        writeFileSync(input, writeTakExport(held, { today: '2015-01-01' }));
        await tak('import', 'tak-export', input, '--env', 'qa', '-C', root);
        const { order } = wholeOrder(tables, 'NTJP-QA', new Date(`${NOW}T00:00:00Z`), NOW);
        const orderFile = path.join(root, 'order.json');
        writeFileSync(orderFile, JSON.stringify(order, null, 2));
        expect(readOrder(readFileSync(orderFile, 'utf8')).errors).toEqual([]);
        await tak('import', 'order', orderFile, '--env', 'qa', '-C', root);
        rmSync(input);
        rmSync(orderFile);
        await expectLoads(root);
        // Authorizations an order creates carry the platform's default agreement and no filters.
        const back = lines(await exportedTables(root), { agreements: false });
        expect(back).toEqual(lines(tables, { agreements: false }));
      }),
      params,
    );
  });
});
