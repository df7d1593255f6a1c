/**
 * The catalog's export format (TakExport / PubVersion data): one array per table, rows related by
 * numeric id under `relationships`. Key casing differs between versions (`logiskAdress` and
 * `logiskadress`; `tjanstekonsument` and `tjanstekomponent` for an authorization's consumer).
 */
export interface ExportRow {
  id: number;
  pubversion?: string;
  /** Soft delete; the catalog writes `null` for deleted rows, so null counts as true. */
  deleted?: boolean | null;
  relationships?: Record<string, number>;
  [field: string]: unknown;
}

export interface TakExportDocument {
  formatVersion: string | number;
  version: string | number;
  tidpunkt: string;
  utforare?: string;
  kommentar?: string | null;
  data: Partial<Record<ExportTable, ExportRow[]>>;
}

export const EXPORT_TABLES = [
  'rivtaprofil',
  'tjanstekontrakt',
  'logiskadress',
  'tjanstekomponent',
  'anropsadress',
  'anropsbehorighet',
  'vagval',
  'filter',
  'filtercategorization',
] as const;

export type ExportTable = (typeof EXPORT_TABLES)[number];
