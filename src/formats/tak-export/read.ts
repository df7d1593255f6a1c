/**
 * Reads the catalog's export (FORMATS.md §4) into TakTables. Rows the catalog has soft-deleted are
 * left out; rows are otherwise kept as the platform holds them, however messy. A row that refers to
 * a row the export does not hold cannot be represented, so it is left out with a note.
 *
 * The export is read in pieces (stream.ts), each row reduced to what the tables keep of it as it
 * is read, and joined once every table is read (the tables may come in any order).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { emptyTables, type AuthorizationRow, type ContractRow, type FilterRow, type NamedRow, type TakTables } from '../tak/tables';
import { naturalKey } from '../../model/syntax';
import { stockholmDayOf } from '../../model/days';
import { FormatError } from '../errors';
import { streamExport, type ByteSource, type ExportVisitor } from './stream';
import type { ExportRow, ExportTable } from './types';

export interface ExportReadResult {
  tables: TakTables;
  /** Rows left out for a reason other than soft deletion, one line each. */
  notes: string[];
}

/** The export in `json`; `file` names the input in errors. */
export function readTakExport(json: string, file = 'the export'): ExportReadResult {
  const bytes = Buffer.from(json, 'utf8');
  return readTakExportFrom({ read: (buffer, offset, length, position) => bytes.copy(buffer, offset, Math.min(position, bytes.length), position + length) }, file);
}

/** The export in the file at `path`, read in pieces; `file` names it in errors. */
export function readTakExportFile(path: string, file = path): ExportReadResult {
  const fd = openSync(path, 'r');
  try {
    return readTakExportFrom({ read: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position) }, file);
  } finally {
    closeSync(fd);
  }
}

/** The export in `source`'s bytes (UTF-8). */
export function readTakExportFrom(source: ByteSource, file: string): ExportReadResult {
  const rows = new ExportRows();
  if (!streamExport(source, file, rows)) {
    throw new FormatError(`${file} is not a catalog export: it has no "data" object with the tables (vagval, anropsbehorighet, ...)`);
  }
  return joinTables(rows);
}

const live = (row: ExportRow) => !('deleted' in row) || row.deleted === false;

/** A relationship by any of its names, tolerating the casing of every catalog version. */
function relation(row: ExportRow, ...names: string[]): unknown {
  const rels = row.relationships ?? {};
  for (const name of names) if (rels[name] !== undefined) return rels[name];
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const [key, value] of Object.entries(rels)) if (wanted.has(key.toLowerCase())) return value;
  return undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

/**
 * One string for each value that repeats row after row (an agreement, a profile, a category):
 * JSON.parse makes a new one for every row.
 */
class Strings {
  private readonly known = new Map<string, string>();
  of(value: unknown): string {
    const fresh = text(value);
    let kept = this.known.get(fresh);
    if (kept === undefined) this.known.set(fresh, (kept = fresh));
    return kept;
  }
}

type Period = { from?: string; to?: string };

/** A row's validity as days; one object for each pair of timestamps, since most rows share theirs. */
class Periods {
  private readonly known = new Map<string | undefined, Map<string | undefined, Period>>();
  of(row: ExportRow): Period {
    const from = typeof row.fromTidpunkt === 'string' ? row.fromTidpunkt : undefined;
    const to = typeof row.tomTidpunkt === 'string' ? row.tomTidpunkt : undefined;
    let byEnd = this.known.get(from);
    if (!byEnd) this.known.set(from, (byEnd = new Map()));
    let period = byEnd.get(to);
    if (!period) byEnd.set(to, (period = periodOf(from, to)));
    return period;
  }
}

/** The days a row's timestamps fall on in Stockholm; a missing or unreadable one is unbounded. */
function periodOf(fromTidpunkt: string | undefined, tomTidpunkt: string | undefined): Period {
  return { from: fromTidpunkt === undefined ? undefined : stockholmDayOf(fromTidpunkt), to: tomTidpunkt === undefined ? undefined : stockholmDayOf(tomTidpunkt) };
}

/** What the tables keep of a live row of each table: ids and relationships as the export has them. */
function keepers(strings: Strings, periods: Periods) {
  const named = (r: ExportRow) => ({ id: r.id, row: { hsaId: text(r.hsaId), description: text(r.beskrivning) } as NamedRow });
  return {
    rivtaprofil: (r: ExportRow) => ({ id: r.id, name: strings.of(r.namn) }),
    tjanstekomponent: named,
    logiskadress: named,
    tjanstekontrakt: (r: ExportRow) => ({
      id: r.id,
      row: { namespace: text(r.namnrymd), description: text(r.beskrivning), major: Number(r.majorVersion ?? 0), minor: Number(r.minorVersion ?? 0) } as ContractRow,
    }),
    anropsadress: (r: ExportRow) => ({ id: r.id, producer: relation(r, 'tjanstekomponent'), profile: relation(r, 'rivtaprofil', 'rivTaProfil'), url: text(r.adress) }),
    vagval: (r: ExportRow) => ({
      id: r.id,
      endpoint: relation(r, 'anropsadress'),
      logicalAddress: relation(r, 'logiskadress'),
      contract: relation(r, 'tjanstekontrakt'),
      period: periods.of(r),
    }),
    anropsbehorighet: (r: ExportRow) => ({
      id: r.id,
      consumer: relation(r, 'tjanstekonsument', 'tjanstekomponent'),
      logicalAddress: relation(r, 'logiskadress'),
      contract: relation(r, 'tjanstekontrakt'),
      period: periods.of(r),
      agreement: strings.of(r.integrationsavtal),
    }),
    filter: (r: ExportRow) => ({ id: r.id, authorization: relation(r, 'anropsbehorighet'), serviceDomain: strings.of(r.servicedomain) }),
    filtercategorization: (r: ExportRow) => ({ filter: relation(r, 'filter'), category: strings.of(r.category) }),
  };
}

type Keepers = ReturnType<typeof keepers>;
type Kept = { [T in ExportTable]: ReturnType<Keepers[T]>[] };

const noRows = (): Kept => ({
  rivtaprofil: [],
  tjanstekontrakt: [],
  logiskadress: [],
  tjanstekomponent: [],
  anropsadress: [],
  anropsbehorighet: [],
  vagval: [],
  filter: [],
  filtercategorization: [],
});

/** The live rows of every table, as kept while the export is read. */
class ExportRows implements ExportVisitor {
  readonly kept = noRows();
  private readonly keep = keepers(new Strings(), new Periods());

  reset(table?: ExportTable): void {
    if (table) this.kept[table] = [];
    else Object.assign(this.kept, noRows());
  }

  row(table: ExportTable, row: ExportRow): void {
    if (live(row)) (this.kept[table] as unknown[]).push(this.keep[table](row));
  }
}

/** The rows joined by id into TakTables; each table's rows are let go once joined. */
function joinTables({ kept }: ExportRows): ExportReadResult {
  const tables = emptyTables();
  const notes: string[] = [];
  const missing = (table: string, id: unknown, what: string) => {
    notes.push(`${table} ${id} refers to ${what}, which the export does not hold (or has deleted): left out`);
  };
  // By id; a repeated id keeps its first place and its last row, as `new Map(entries)` does.
  const byId = <R extends { id: unknown }, T>(list: R[], value: (row: R) => T) => new Map(list.splice(0).map((r) => [r.id, value(r)]));

  const profiles = byId(kept.rivtaprofil, (r) => r.name);
  const components = byId(kept.tjanstekomponent, (r) => r.row);
  const addresses = byId(kept.logiskadress, (r) => r.row);
  const contracts = byId(kept.tjanstekontrakt, (r) => r.row);
  for (const c of components.values()) if (!tables.components.has(naturalKey(c.hsaId))) tables.components.set(naturalKey(c.hsaId), c);
  for (const la of addresses.values()) if (!tables.logicalAddresses.has(naturalKey(la.hsaId))) tables.logicalAddresses.set(naturalKey(la.hsaId), la);
  for (const c of contracts.values()) if (!tables.contracts.has(naturalKey(c.namespace))) tables.contracts.set(naturalKey(c.namespace), c);

  const endpoints = new Map<unknown, { producer: string; profile: string; url: string }>();
  for (const r of kept.anropsadress.splice(0)) {
    const producer = components.get(r.producer);
    const profile = profiles.get(r.profile);
    if (!producer) missing('anropsadress', r.id, 'a tjanstekomponent');
    else if (profile === undefined) missing('anropsadress', r.id, 'a rivtaprofil');
    else endpoints.set(r.id, { producer: producer.hsaId, profile, url: r.url });
  }

  for (const r of kept.vagval.splice(0)) {
    const endpoint = endpoints.get(r.endpoint);
    const la = addresses.get(r.logicalAddress);
    const contract = contracts.get(r.contract);
    if (!endpoint || !la || !contract) {
      missing('vagval', r.id, !endpoint ? 'an anropsadress' : !la ? 'a logiskadress' : 'a tjanstekontrakt');
      continue;
    }
    const { from, to } = r.period;
    tables.routing.push({ contract: contract.namespace, logicalAddress: la.hsaId, producer: endpoint.producer, profile: endpoint.profile, url: endpoint.url, from, to });
  }

  // By id for the filters that hang off them; most exports have none, and a map of a million rows costs.
  const authorizations = kept.filter.length ? new Map<unknown, AuthorizationRow>() : undefined;
  for (const r of kept.anropsbehorighet.splice(0)) {
    const consumer = components.get(r.consumer);
    const la = addresses.get(r.logicalAddress);
    const contract = contracts.get(r.contract);
    if (!consumer || !la || !contract) {
      missing('anropsbehorighet', r.id, !consumer ? 'a tjanstekonsument' : !la ? 'a logiskadress' : 'a tjanstekontrakt');
      continue;
    }
    const { from, to } = r.period;
    const row: AuthorizationRow = { consumer: consumer.hsaId, contract: contract.namespace, logicalAddress: la.hsaId, from, to, integrationAgreement: r.agreement || undefined, filters: [] };
    authorizations?.set(r.id, row);
    tables.authorizations.push(row);
  }
  if (authorizations) attachFilters(kept, authorizations);
  return { tables, notes };
}

/** Filter rows hang off authorizations, categorizations off filters (the catalog cascades both). */
function attachFilters(kept: Kept, authorizations: Map<unknown, AuthorizationRow>): void {
  const byId = new Map<unknown, FilterRow>();
  for (const f of kept.filter.splice(0)) {
    const owner = authorizations.get(f.authorization);
    if (!owner) continue;
    const filter: FilterRow = { serviceDomain: f.serviceDomain, categorizations: [] };
    owner.filters.push(filter);
    byId.set(f.id, filter);
  }
  for (const c of kept.filtercategorization.splice(0)) byId.get(c.filter)?.categorizations.push(c.category);
}
