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
  const data = exportRows(tables, meta.today);
  const head = {
    formatVersion: '1',
    version: '1',
    tidpunkt: timestampOf(meta.today),
    utforare: meta.utforare ?? 'tak-gitops',
    kommentar: meta.kommentar ?? '',
  };
  const sections = EXPORT_TABLES.map((t) => `    "${t}" : [${data[t].length ? `\n      ${data[t].map((r) => JSON.stringify(r)).join(',\n      ')}\n    ` : ' '}]`);
  const fields = Object.entries(head).map(([k, v]) => `  "${k}" : ${JSON.stringify(v)}`);
  return `{\n${fields.join(',\n')},\n  "data" : {\n${sections.join(',\n')}\n  }\n}\n`;
}

function exportRows(tables: TakTables, today: string): Record<ExportTable, ExportRow[]> {
  const data = Object.fromEntries(EXPORT_TABLES.map((t) => [t, [] as ExportRow[]])) as Record<ExportTable, ExportRow[]>;
  const ids = (table: ExportTable) => {
    const index = new Map<string, number>();
    return (key: string, row: () => Omit<ExportRow, 'id'>) => {
      let id = index.get(key);
      if (id === undefined) {
        id = data[table].length + 1;
        index.set(key, id);
        // The catalog writes pubversion before relationships (anropsadress).
        const { relationships, ...fields } = row();
        data[table].push({ id, ...fields, pubversion: '1', ...(relationships ? { relationships: relationships as ExportRow['relationships'] } : {}) });
      }
      return id;
    };
  };
  const profile = ids('rivtaprofil');
  const contract = ids('tjanstekontrakt');
  const address = ids('logiskadress');
  const component = ids('tjanstekomponent');
  const endpoint = ids('anropsadress');
  for (const name of KNOWN_PROFILES) profile(name.toLowerCase(), () => ({ namn: name, beskrivning: PROFILE_DESCRIPTIONS[name] ?? name }));
  for (const [key, c] of tables.contracts) {
    contract(key, () => ({ namnrymd: c.namespace, beskrivning: c.description, majorVersion: c.major, minorVersion: c.minor }));
  }
  for (const [key, la] of tables.logicalAddresses) address(key, () => ({ hsaId: la.hsaId, beskrivning: la.description }));
  for (const [key, c] of tables.components) component(key, () => ({ hsaId: c.hsaId, beskrivning: c.description }));
  // Rows may name entities the tables lack (an unresolved reference in the declarations): add them bare.
  const contractId = (ns: string) => contract(naturalKey(ns), () => ({ namnrymd: ns, beskrivning: ns, majorVersion: majorOf(ns), minorVersion: 0 }));
  const addressId = (hsaId: string) => address(naturalKey(hsaId), () => ({ hsaId, beskrivning: hsaId }));
  const componentId = (hsaId: string) => component(naturalKey(hsaId), () => ({ hsaId, beskrivning: hsaId }));
  const dates = (from?: string, to?: string) => ({
    fromTidpunkt: timestampOf(from ?? today),
    tomTidpunkt: timestampOf(to ?? yearsLater(from ?? today, 100)),
  });

  for (const r of tables.routing) {
    const rivtaprofil = profile(r.profile.toLowerCase(), () => ({ namn: r.profile, beskrivning: r.profile }));
    const tjanstekomponent = componentId(r.producer);
    const anropsadress = endpoint(`${tjanstekomponent}|${rivtaprofil}|${r.url}`, () => ({ adress: r.url, relationships: { rivtaprofil, tjanstekomponent } }));
    data.vagval.push({
      id: data.vagval.length + 1,
      ...dates(r.from, r.to),
      pubversion: '1',
      relationships: { anropsadress, logiskadress: addressId(r.logicalAddress), tjanstekontrakt: contractId(r.contract) },
    });
  }
  for (const a of tables.authorizations) {
    const id = data.anropsbehorighet.length + 1;
    data.anropsbehorighet.push({
      id,
      integrationsavtal: a.integrationAgreement ?? DEFAULT_INTEGRATION_AGREEMENT,
      ...dates(a.from, a.to),
      pubversion: '1',
      relationships: { logiskAdress: addressId(a.logicalAddress), tjanstekomponent: componentId(a.consumer), tjanstekontrakt: contractId(a.contract) },
    });
    for (const f of a.filters) {
      const filter = data.filter.length + 1;
      data.filter.push({ id: filter, servicedomain: f.serviceDomain, pubversion: '1', relationships: { anropsbehorighet: id } });
      for (const category of f.categorizations) {
        data.filtercategorization.push({ id: data.filtercategorization.length + 1, category, pubversion: '1', relationships: { filter } });
      }
    }
  }
  return data;
}

function majorOf(namespace: string): number {
  const m = /:(\d+)$/.exec(namespace);
  return m ? Number(m[1]) : 0;
}
