import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTakExport } from './read';
import { writeTakExport } from './write';
import { EXPORT_TABLES, type ExportRow, type TakExportDocument } from './types';

// The catalog's own export (skltp/tak: tak-core/src/test/resources/export.json), verbatim.
const exampleText = readFileSync(path.join(__dirname, '../../../test/fixtures/formats/tak-core-test-export.json'), 'utf8');
const example = JSON.parse(exampleText) as TakExportDocument;

/** The shape of a row: its keys in order with the JSON type of each value, relationships included. */
const shape = (row: ExportRow) =>
  Object.entries(row).map(([key, value]) => (key === 'relationships' ? `relationships{${Object.keys(value as object).join(',')}}` : `${key}:${typeof value}`));

describe('reading the catalog export', () => {
  it('reads the catalog\'s own file: every row, joined by numeric id, dates as Stockholm days', () => {
    const { tables, notes } = readTakExport(exampleText);
    expect(notes).toEqual([]);
    expect(tables.routing).toHaveLength(example.data.vagval!.length);
    expect(tables.authorizations).toHaveLength(example.data.anropsbehorighet!.length);
    // vagval 1: anropsadress 1 (Schedulr, RIVTABP21), logiskadress 1, tjanstekontrakt 10 (ids are not in array order)
    expect(tables.routing[0]).toEqual({
      contract: 'urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1',
      logicalAddress: 'HSA-VKK123',
      producer: 'Schedulr',
      profile: 'RIVTABP21',
      url: 'http://33.33.33.33:8080/Schedulr-0.1/ws/GetSubjectOfCareSchedule/1',
      from: '2009-03-10',
      to: '2113-12-24',
    });
    // anropsbehorighet with `logiskAdress` and the consumer under `tjanstekomponent`
    expect(tables.authorizations[0]).toMatchObject({ consumer: 'tp', logicalAddress: 'HSA-VKK123', integrationAgreement: 'I1' });
    const withTwoFilters = tables.authorizations.find((a) => a.integrationAgreement === 'I4')!;
    expect(withTwoFilters.filters).toEqual([
      { serviceDomain: 'urn:riv:itintegration:registry:GetItems', categorizations: ['Category c2'] },
      { serviceDomain: 'urn:riv:itintegration:registry:GetMoreItems', categorizations: [] },
    ]);
  });

  it('leaves out soft-deleted rows, deleted: null meaning deleted', () => {
    const doc = JSON.parse(exampleText) as TakExportDocument;
    doc.data.vagval![0].deleted = null;
    doc.data.vagval![1].deleted = true;
    doc.data.vagval![2].deleted = false;
    const { tables } = readTakExport(JSON.stringify(doc));
    expect(tables.routing).toHaveLength(example.data.vagval!.length - 2);
    expect(tables.routing.map((r) => r.logicalAddress)).toContain('HSA-VKY567');
  });
});

describe('writing the catalog export', () => {
  const written = JSON.parse(writeTakExport(readTakExport(exampleText).tables, { today: '2026-01-01', utforare: 'Kalle', kommentar: 'kommentar' })) as TakExportDocument;

  it('describes the RIV-TA profiles as the catalog does', () => {
    const profiles = (doc: TakExportDocument) => doc.data.rivtaprofil!.map((p) => `${p.namn}: ${p.beskrivning}`);
    expect(profiles(written)).toEqual(expect.arrayContaining(profiles(example)));
  });

  it('writes the header as the catalog does: formatVersion and version as strings, a Stockholm timestamp', () => {
    const header = (doc: TakExportDocument) => Object.entries(doc).map(([k, v]) => `${k}:${typeof v}`);
    expect(header(written)).toEqual(header(example));
    expect(written.tidpunkt).toBe('2026-01-01T00:00:00+0100');
  });

  it('writes every table with the catalog\'s keys, key order and value types', () => {
    for (const table of EXPORT_TABLES) {
      const theirs = example.data[table]!.map(shape).map(String);
      const ours = written.data[table]!.map(shape).map(String);
      expect({ table, shapes: [...new Set(ours)] }).toEqual({ table, shapes: [...new Set(theirs)] });
    }
  });

  it('gives back what it read', () => {
    const once = readTakExport(exampleText).tables;
    const twice = readTakExport(JSON.stringify(written)).tables;
    expect(twice.routing).toEqual(once.routing);
    expect(twice.authorizations).toEqual(once.authorizations);
    expect([...twice.components]).toEqual([...once.components]);
    expect([...twice.contracts]).toEqual([...once.contracts]);
    expect([...twice.logicalAddresses]).toEqual([...once.logicalAddresses]);
  });
});
