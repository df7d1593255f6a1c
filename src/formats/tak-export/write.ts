/**
 * Writes TakTables in the catalog's export format, with the relationship keys of the catalog's own
 * export file (tak-core's `export.json`: `logiskadress` on vagval, `logiskAdress` and
 * `tjanstekomponent` on anropsbehorighet; older exports say `tjanstekonsument`, which the reader
 * also takes). Ids are assigned in order; a row without dates gets the catalog's defaults
 * (from the export day, to 100 years later). One row per line keeps a million rows diffable.
 */
import { KNOWN_PROFILES, naturalKey, PROFILE_DESCRIPTIONS } from '../../model/syntax';
import { DEFAULT_INTEGRATION_AGREEMENT, type TakTables } from '../tak/tables';
import { yearsLater } from '../../model/days';
import { timestampOf } from './dates';
import { EXPORT_TABLES, type ExportRow, type ExportTable } from './types';

export interface ExportMeta {
  /** The export's day (YYYY-MM-DD); also the start of rows that declare none. */
  today: string;
  utforare?: string;
  kommentar?: string;
}

export function writeTakExport(tables: TakTables, meta: ExportMeta): string {
  return [...takExportChunks(tables, meta)].join('');
}

/** Rows per piece of text handed to the writer. */
const ROWS_PER_CHUNK = 2000;

/**
 * The export as pieces of text, written as they are made: the rows of the catalog's small tables are
 * built first (every id is known before any section is written), the routing, authorization and filter
 * rows one piece at a time, so that a whole catalog is never one document in memory.
 */
export function* takExportChunks(tables: TakTables, meta: ExportMeta): Generator<string> {
  const rows = new ExportRows(tables, meta.today);
  const head = {
    formatVersion: '1',
    version: '1',
    tidpunkt: timestampOf(meta.today),
    utforare: meta.utforare ?? 'tak-gitops',
    kommentar: meta.kommentar ?? '',
  };
  const fields = Object.entries(head).map(([k, v]) => `  "${k}" : ${JSON.stringify(v)}`);
  yield `{\n${fields.join(',\n')},\n  "data" : {\n`;
  for (const [i, table] of EXPORT_TABLES.entries()) {
    yield `${i > 0 ? ',\n' : ''}    "${table}" : [`;
    let written = 0;
    let piece: string[] = [];
    for (const row of rows.of(table)) {
      piece.push(`${written++ === 0 ? '\n      ' : ',\n      '}${JSON.stringify(row)}`);
      if (piece.length === ROWS_PER_CHUNK) {
        yield piece.join('');
        piece = [];
      }
    }
    yield `${piece.join('')}${written > 0 ? '\n    ' : ' '}]`;
  }
  yield '\n  }\n}\n';
}

/**
 * The export's rows. Ids are assigned in order of first use, as the catalog does; entities that the
 * routing and authorizations name but the tables lack (an unresolved reference in the declarations)
 * are added bare, so a first pass over them fixes every id before any row is written.
 */
class ExportRows {
  private small = Object.fromEntries(EXPORT_TABLES.map((t) => [t, [] as ExportRow[]])) as Record<ExportTable, ExportRow[]>;
  private index = Object.fromEntries(EXPORT_TABLES.map((t) => [t, new Map<string, number>()])) as Record<ExportTable, Map<string, number>>;

  constructor(
    private tables: TakTables,
    private today: string,
  ) {
    for (const name of KNOWN_PROFILES) this.id('rivtaprofil', name.toLowerCase(), () => ({ namn: name, beskrivning: PROFILE_DESCRIPTIONS[name] ?? name }));
    for (const [key, c] of tables.contracts) {
      this.id('tjanstekontrakt', key, () => ({ namnrymd: c.namespace, beskrivning: c.description, majorVersion: c.major, minorVersion: c.minor }));
    }
    for (const [key, la] of tables.logicalAddresses) this.id('logiskadress', key, () => ({ hsaId: la.hsaId, beskrivning: la.description }));
    for (const [key, c] of tables.components) this.id('tjanstekomponent', key, () => ({ hsaId: c.hsaId, beskrivning: c.description }));
    for (const r of tables.routing) this.routingRow(r, 0);
    for (const a of tables.authorizations) this.authorizationRelationships(a);
  }

  *of(table: ExportTable): Generator<ExportRow> {
    if (table === 'vagval') for (const [i, r] of this.tables.routing.entries()) yield this.routingRow(r, i + 1);
    else if (table === 'anropsbehorighet') for (const [i, a] of this.tables.authorizations.entries()) yield this.authorizationRow(a, i + 1);
    else if (table === 'filter' || table === 'filtercategorization') yield* this.filterRows(table);
    else yield* this.small[table];
  }

  /** The id of an entity, adding its row (made by `row`) on first use. */
  private id(table: ExportTable, key: string, row: () => Omit<ExportRow, 'id'>): number {
    let id = this.index[table].get(key);
    if (id === undefined) {
      id = this.small[table].length + 1;
      this.index[table].set(key, id);
      // The catalog writes pubversion before relationships (anropsadress).
      const { relationships, ...fields } = row();
      this.small[table].push({ id, ...fields, pubversion: '1', ...(relationships ? { relationships: relationships as ExportRow['relationships'] } : {}) });
    }
    return id;
  }

  private contractId = (ns: string) =>
    this.id('tjanstekontrakt', naturalKey(ns), () => ({ namnrymd: ns, beskrivning: ns, majorVersion: majorOf(ns), minorVersion: 0 }));
  private addressId = (hsaId: string) => this.id('logiskadress', naturalKey(hsaId), () => ({ hsaId, beskrivning: hsaId }));
  private componentId = (hsaId: string) => this.id('tjanstekomponent', naturalKey(hsaId), () => ({ hsaId, beskrivning: hsaId }));

  private dates(from?: string, to?: string) {
    return { fromTidpunkt: timestampOf(from ?? this.today), tomTidpunkt: timestampOf(to ?? yearsLater(from ?? this.today, 100)) };
  }

  private routingRow(r: TakTables['routing'][number], id: number): ExportRow {
    const rivtaprofil = this.id('rivtaprofil', r.profile.toLowerCase(), () => ({ namn: r.profile, beskrivning: r.profile }));
    const tjanstekomponent = this.componentId(r.producer);
    const anropsadress = this.id('anropsadress', `${tjanstekomponent}|${rivtaprofil}|${r.url}`, () => ({ adress: r.url, relationships: { rivtaprofil, tjanstekomponent } }));
    const logiskadress = this.addressId(r.logicalAddress);
    return { id, ...this.dates(r.from, r.to), pubversion: '1', relationships: { anropsadress, logiskadress, tjanstekontrakt: this.contractId(r.contract) } };
  }

  private authorizationRelationships(a: TakTables['authorizations'][number]) {
    const logiskAdress = this.addressId(a.logicalAddress);
    const tjanstekomponent = this.componentId(a.consumer);
    return { logiskAdress, tjanstekomponent, tjanstekontrakt: this.contractId(a.contract) };
  }

  private authorizationRow(a: TakTables['authorizations'][number], id: number): ExportRow {
    const integrationsavtal = a.integrationAgreement ?? DEFAULT_INTEGRATION_AGREEMENT;
    return { id, integrationsavtal, ...this.dates(a.from, a.to), pubversion: '1', relationships: this.authorizationRelationships(a) };
  }

  /** Filters number in order of their authorizations, categorizations in order of their filters. */
  private *filterRows(table: 'filter' | 'filtercategorization'): Generator<ExportRow> {
    let filter = 0;
    let categorization = 0;
    for (const [i, a] of this.tables.authorizations.entries()) {
      for (const f of a.filters) {
        filter++;
        if (table === 'filter') yield { id: filter, servicedomain: f.serviceDomain, pubversion: '1', relationships: { anropsbehorighet: i + 1 } };
        else for (const category of f.categorizations) yield { id: ++categorization, category, pubversion: '1', relationships: { filter } };
      }
    }
  }
}

function majorOf(namespace: string): number {
  const m = /:(\d+)$/.exec(namespace);
  return m ? Number(m[1]) : 0;
}
