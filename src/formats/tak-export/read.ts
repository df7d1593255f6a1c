/**
 * Reads the catalog's export (FORMATS.md §4) into TakTables. Rows the catalog has soft-deleted are
 * left out; rows are otherwise kept as the platform holds them, however messy. A row that refers to
 * a row the export does not hold cannot be represented, so it is left out with a note.
 */
import { emptyTables, type AuthorizationRow, type FilterRow, type TakTables } from '../tak/tables';
import { naturalKey } from '../../model/syntax';
import { stockholmDayOf } from '../../model/days';
import { parseJson } from '../json';
import { FormatError } from '../errors';
import type { ExportRow, ExportTable, TakExportDocument } from './types';

export interface ExportReadResult {
  tables: TakTables;
  /** Rows left out for a reason other than soft deletion, one line each. */
  notes: string[];
}

const live = (row: ExportRow) => !('deleted' in row) || row.deleted === false;

/** A relationship by any of its names, tolerating the casing of every catalog version. */
function relation(row: ExportRow, ...names: string[]): number | undefined {
  const rels = row.relationships ?? {};
  for (const name of names) if (rels[name] !== undefined) return rels[name];
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const [key, value] of Object.entries(rels)) if (wanted.has(key.toLowerCase())) return value;
  return undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

function parseTakExport(json: string, file: string): TakExportDocument {
  const doc = parseJson(json, file);
  if (!doc || typeof doc !== 'object' || typeof (doc as TakExportDocument).data !== 'object' || (doc as TakExportDocument).data === null) {
    throw new FormatError(`${file} is not a catalog export: it has no "data" object with the tables (vagval, anropsbehorighet, ...)`);
  }
  return doc as TakExportDocument;
}

/** `file` names the input in errors. */
export function readTakExport(json: string, file = 'the export'): ExportReadResult {
  const { data } = parseTakExport(json, file);
  const rows = (table: ExportTable) => (Array.isArray(data[table]) ? data[table]! : []).filter(live);
  const byId = <T>(table: ExportTable, map: (row: ExportRow) => T) => new Map(rows(table).map((r) => [r.id, map(r)]));
  const tables = emptyTables();
  const notes: string[] = [];
  const missing = (table: string, row: ExportRow, what: string) => {
    notes.push(`${table} ${row.id} refers to ${what}, which the export does not hold (or has deleted): left out`);
  };

  const profiles = byId('rivtaprofil', (r) => text(r.namn));
  const components = byId('tjanstekomponent', (r) => ({ hsaId: text(r.hsaId), description: text(r.beskrivning) }));
  const addresses = byId('logiskadress', (r) => ({ hsaId: text(r.hsaId), description: text(r.beskrivning) }));
  const contracts = byId('tjanstekontrakt', (r) => ({
    namespace: text(r.namnrymd),
    description: text(r.beskrivning),
    major: Number(r.majorVersion ?? 0),
    minor: Number(r.minorVersion ?? 0),
  }));
  for (const c of components.values()) if (!tables.components.has(naturalKey(c.hsaId))) tables.components.set(naturalKey(c.hsaId), c);
  for (const la of addresses.values()) if (!tables.logicalAddresses.has(naturalKey(la.hsaId))) tables.logicalAddresses.set(naturalKey(la.hsaId), la);
  for (const c of contracts.values()) if (!tables.contracts.has(naturalKey(c.namespace))) tables.contracts.set(naturalKey(c.namespace), c);

  const endpoints = new Map<number, { producer: string; profile: string; url: string }>();
  for (const r of rows('anropsadress')) {
    const producer = components.get(relation(r, 'tjanstekomponent') as number);
    const profile = profiles.get(relation(r, 'rivtaprofil', 'rivTaProfil') as number);
    if (!producer) missing('anropsadress', r, 'a tjanstekomponent');
    else if (profile === undefined) missing('anropsadress', r, 'a rivtaprofil');
    else endpoints.set(r.id, { producer: producer.hsaId, profile, url: text(r.adress) });
  }

  for (const r of rows('vagval')) {
    const endpoint = endpoints.get(relation(r, 'anropsadress') as number);
    const la = addresses.get(relation(r, 'logiskadress') as number);
    const contract = contracts.get(relation(r, 'tjanstekontrakt') as number);
    if (!endpoint || !la || !contract) {
      missing('vagval', r, !endpoint ? 'an anropsadress' : !la ? 'a logiskadress' : 'a tjanstekontrakt');
      continue;
    }
    tables.routing.push({ contract: contract.namespace, logicalAddress: la.hsaId, ...endpoint, ...period(r) });
  }

  const authorizations = new Map<number, AuthorizationRow>();
  for (const r of rows('anropsbehorighet')) {
    const consumer = components.get(relation(r, 'tjanstekonsument', 'tjanstekomponent') as number);
    const la = addresses.get(relation(r, 'logiskadress') as number);
    const contract = contracts.get(relation(r, 'tjanstekontrakt') as number);
    if (!consumer || !la || !contract) {
      missing('anropsbehorighet', r, !consumer ? 'a tjanstekonsument' : !la ? 'a logiskadress' : 'a tjanstekontrakt');
      continue;
    }
    const row: AuthorizationRow = {
      consumer: consumer.hsaId,
      contract: contract.namespace,
      logicalAddress: la.hsaId,
      ...period(r),
      integrationAgreement: text(r.integrationsavtal) || undefined,
      filters: [],
    };
    authorizations.set(r.id, row);
    tables.authorizations.push(row);
  }
  attachFilters(rows('filter'), rows('filtercategorization'), authorizations);
  return { tables, notes };
}

function period(row: ExportRow): { from?: string; to?: string } {
  const from = typeof row.fromTidpunkt === 'string' ? stockholmDayOf(row.fromTidpunkt) : undefined;
  const to = typeof row.tomTidpunkt === 'string' ? stockholmDayOf(row.tomTidpunkt) : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Filter rows hang off authorizations, categorizations off filters (the catalog cascades both). */
function attachFilters(filters: ExportRow[], categorizations: ExportRow[], authorizations: Map<number, AuthorizationRow>): void {
  const byId = new Map<number, FilterRow>();
  for (const f of filters) {
    const owner = authorizations.get(relation(f, 'anropsbehorighet') as number);
    if (!owner) continue;
    const filter: FilterRow = { serviceDomain: text(f.servicedomain), categorizations: [] };
    owner.filters.push(filter);
    byId.set(f.id, filter);
  }
  for (const c of categorizations) byId.get(relation(c, 'filter') as number)?.categorizations.push(text(c.category));
}
