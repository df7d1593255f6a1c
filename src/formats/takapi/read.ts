/**
 * Reads a folder of TAK-api responses (`<endpoint>.json`, e.g. `serviceProductions.json`) into
 * TakTables: routing from serviceProductions, authorizations from cooperations, descriptions from
 * the entity lists. The api embeds every relation by default (its include= defaults to all of them);
 * a relation that carries only its `id` is looked up in the folder's list of that entity, and a
 * response fetched with a narrower include= (relations left out) is refused. The api holds only the current state, so
 * there are no dates, filters or integration agreements.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { emptyTables, type TakTables } from '../tak/tables';
import { naturalKey } from '../../model/syntax';
import { parseJson } from '../json';
import { FormatError } from '../errors';
import type { ApiComponent, ApiConnectionPoint, ApiContract, ApiLogicalAddress, Endpoint } from './types';

export interface TakApiReadResult {
  tables: TakTables;
  /** Namespaces of installedContracts, when the folder has that response. */
  installed?: string[];
  /** The connection point the rows belong to, as an order platform id (`NTJP-TEST`), when known. */
  platform?: string;
  notes: string[];
}

type Json = Record<string, unknown>;

export function readTakApiFolder(dir: string, connectionPoint?: string): TakApiReadResult {
  const responses = new Map<Endpoint, Json[]>();
  for (const name of ['connectionPoints', 'serviceConsumers', 'serviceProducers', 'serviceContracts', 'logicalAddresses', 'cooperations', 'serviceProductions', 'installedContracts'] as Endpoint[]) {
    const file = path.join(dir, `${name}.json`);
    if (!existsSync(file)) continue;
    const value = parseJson(readFileSync(file, 'utf8'), file);
    if (!Array.isArray(value)) throw new FormatError(`${file} is not a TAK-api list response (a JSON array)`);
    responses.set(name, value as Json[]);
  }
  if (!responses.has('serviceProductions') && !responses.has('cooperations')) {
    throw new FormatError(`${dir} has neither serviceProductions.json nor cooperations.json (TAK-api responses, one file per endpoint)`);
  }
  return readTakApi(responses, connectionPoint);
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'object' && v !== null && typeof (v as Json).id === 'number' ? ((v as Json).id as number) : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const cpName = (cp: ApiConnectionPoint) => `${cp.platform ?? ''}-${cp.environment ?? ''}`;

/** The relations a row needs, and the api's default include= that embeds them. */
const RELATIONS = {
  serviceProductions: { needs: ['serviceProducer', 'logicalAddress', 'serviceContract'], include: 'connectionPoint,logicalAddress,serviceContract,serviceProducer' },
  cooperations: { needs: ['serviceConsumer', 'logicalAddress', 'serviceContract'], include: 'connectionPoint,logicalAddress,serviceContract,serviceConsumer' },
} as const;

/**
 * A response fetched with an include= that names only some relations leaves the others out
 * altogether (the DTOs omit empty fields): nothing can be read from such rows, so say how to fetch.
 */
function requireRelations(endpoint: keyof typeof RELATIONS, rows: Json[]): void {
  const { needs, include } = RELATIONS[endpoint];
  const present = (row: Json, name: string) => (name === 'logicalAddress' ? row.logicalAddress ?? row.logicalAdress : row[name]) != null;
  const lacking = rows.filter((row) => needs.some((name) => !present(row, name)));
  if (lacking.length === 0) return;
  const names = needs.filter((name) => lacking.some((row) => !present(row, name)));
  throw new FormatError(`${endpoint}: ${lacking.length} of ${rows.length} rows have no ${names.join(', ')}: fetch them with the default include (${include})`);
}

export function readTakApi(responses: Map<Endpoint, Json[]>, connectionPoint?: string): TakApiReadResult {
  const list = (e: Endpoint) => responses.get(e) ?? [];
  requireRelations('serviceProductions', list('serviceProductions'));
  requireRelations('cooperations', list('cooperations'));
  const index = <T>(e: Endpoint, has: string) => new Map(list(e).filter((x) => typeof x.id === 'number' && has in x).map((x) => [x.id as number, x as unknown as T]));
  const points = index<ApiConnectionPoint>('connectionPoints', 'platform');
  const consumers = index<ApiComponent>('serviceConsumers', 'hsaId');
  const producers = index<ApiComponent>('serviceProducers', 'hsaId');
  const contracts = index<ApiContract>('serviceContracts', 'namespace');
  const addresses = index<ApiLogicalAddress>('logicalAddresses', 'logicalAddress');
  /** An embedded relation, or the one the folder lists under its id. */
  const related = <T>(value: unknown, field: string, listed: Map<number, T>): T | undefined =>
    typeof value === 'object' && value !== null && field in value ? (value as T) : listed.get(num(value) ?? NaN);

  const pointOf = (row: Json) => related<ApiConnectionPoint>(row.connectionPoint, 'platform', points);
  const seen = new Set<string>();
  for (const e of ['serviceProductions', 'cooperations', 'installedContracts'] as Endpoint[]) {
    for (const row of list(e)) {
      const cp = pointOf(row);
      if (cp) seen.add(cpName(cp));
    }
  }
  if (seen.size > 1 && !connectionPoint) {
    throw new FormatError(`the responses cover ${seen.size} connection points (${[...seen].sort().join(', ')}); name one with --connection-point`);
  }
  const wanted = connectionPoint?.toLowerCase();
  const inScope = (row: Json) => {
    const cp = pointOf(row);
    return !wanted || !cp || cpName(cp).toLowerCase() === wanted;
  };

  const tables = emptyTables();
  const notes: string[] = [];
  const component = (c: ApiComponent) => {
    const key = naturalKey(c.hsaId);
    if (!tables.components.has(key)) tables.components.set(key, { hsaId: c.hsaId, description: str(c.description) });
    return c.hsaId;
  };
  const contract = (c: ApiContract) => {
    const key = naturalKey(c.namespace);
    const major = c.major ?? Number(/:(\d+)$/.exec(c.namespace)?.[1] ?? 0);
    if (!tables.contracts.has(key)) tables.contracts.set(key, { namespace: c.namespace, description: str(c.name), major, minor: c.minor ?? 0 });
    return c.namespace;
  };
  const address = (la: ApiLogicalAddress) => {
    const key = naturalKey(la.logicalAddress);
    if (!tables.logicalAddresses.has(key)) tables.logicalAddresses.set(key, { hsaId: la.logicalAddress, description: str(la.description) });
    return la.logicalAddress;
  };
  for (const c of [...producers.values(), ...consumers.values()]) component(c);
  for (const c of contracts.values()) contract(c);
  for (const la of addresses.values()) address(la);

  const resolve = (endpoint: string, row: Json, who: 'serviceProducer' | 'serviceConsumer') => {
    const owner = related<ApiComponent>(row[who], 'hsaId', who === 'serviceProducer' ? producers : consumers);
    const la = related<ApiLogicalAddress>(row.logicalAddress ?? row.logicalAdress, 'logicalAddress', addresses);
    const sc = related<ApiContract>(row.serviceContract, 'namespace', contracts);
    if (!owner || !la || !sc) {
      notes.push(`${endpoint} ${str(row.id)} names a ${!owner ? who : !la ? 'logicalAddress' : 'serviceContract'} the folder does not hold: left out`);
      return undefined;
    }
    return { owner: component(owner), logicalAddress: address(la), contract: contract(sc) };
  };
  for (const row of list('serviceProductions').filter(inScope)) {
    const r = resolve('serviceProduction', row, 'serviceProducer');
    if (r) tables.routing.push({ contract: r.contract, logicalAddress: r.logicalAddress, producer: r.owner, profile: str(row.rivtaProfile), url: str(row.physicalAddress) });
  }
  for (const row of list('cooperations').filter(inScope)) {
    const r = resolve('cooperation', row, 'serviceConsumer');
    if (r) tables.authorizations.push({ consumer: r.owner, contract: r.contract, logicalAddress: r.logicalAddress, filters: [] });
  }
  const installed = responses.has('installedContracts')
    ? list('installedContracts').filter(inScope).flatMap((row) => {
        const sc = related<ApiContract>(row.serviceContract, 'namespace', contracts);
        return sc ? [contract(sc)] : [];
      })
    : undefined;
  const platform = connectionPoint ?? (seen.size === 1 ? [...seen][0] : undefined);
  return { tables, installed, platform, notes };
}
