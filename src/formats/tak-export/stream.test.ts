import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseJson } from '../json';
import { readTakExport, readTakExportFile, readTakExportFrom, type ExportReadResult } from './read';
import type { ByteSource } from './stream';

const fixtures = path.join(__dirname, '../../../test/fixtures/formats');
// Tables in another order, "data" and a table given twice, duplicate ids, key casings, deleted rows,
// missing references, numbers where strings belong, escapes and brackets inside strings, non-ASCII.
const quirksFile = path.join(fixtures, 'tak-export-quirks.json');
const quirks = readFileSync(quirksFile, 'utf8');
const catalogsOwn = readFileSync(path.join(fixtures, 'tak-core-test-export.json'), 'utf8');

/** The input handed over at most `most` bytes at a time: every window boundary the reader can meet. */
const trickling = (text: string, most: number): ByteSource => {
  const bytes = Buffer.from(text, 'utf8');
  return {
    read: (buffer, offset, length, position) => bytes.copy(buffer, offset, Math.min(position, bytes.length), Math.min(position + Math.min(length, most), bytes.length)),
  };
};

/** What a reader gave, as JSON (maps as their entries in order), so that results compare exactly. */
const asJson = ({ tables, notes }: ExportReadResult) =>
  JSON.parse(
    JSON.stringify({
      components: [...tables.components],
      contracts: [...tables.contracts],
      logicalAddresses: [...tables.logicalAddresses],
      routing: tables.routing,
      authorizations: tables.authorizations,
      notes,
    }),
  ) as unknown;

const errorOf = (read: () => unknown) => {
  try {
    read();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the catalog export read in pieces', () => {
  it('gives what the whole-text reader gave (its result before the export was streamed, kept beside the file)', () => {
    const before = JSON.parse(readFileSync(path.join(fixtures, 'tak-export-quirks.tables.json'), 'utf8')) as unknown;
    expect(asJson(readTakExport(quirks))).toEqual(before);
    expect(asJson(readTakExportFile(quirksFile))).toEqual(before);
    for (const most of [1, 2, 3, 7, 64]) expect(asJson(readTakExportFrom(trickling(quirks, most), 'q.json'))).toEqual(before);
  });

  it('reads the catalog\'s own export the same a byte at a time as whole', () => {
    expect(asJson(readTakExportFrom(trickling(catalogsOwn, 1), 'export.json'))).toEqual(asJson(readTakExport(catalogsOwn)));
  });

  it('reads a row larger than its window', () => {
    const description = 'å'.repeat(1_500_000);
    const text = JSON.stringify({ data: { logiskadress: [{ id: 1, hsaId: 'SE1', beskrivning: description }] } });
    expect(readTakExport(text).tables.logicalAddresses.get('se1')?.description).toBe(description);
  });

  it('locates a syntax error where parseJson locates it in the whole text, and says the same', () => {
    const broken = fc
      .tuple(fc.nat({ max: quirks.length }), fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', '\n', ' ', 'x', '1', '-', 'å', '\u2028', '😀'), fc.nat({ max: 3 }), fc.boolean())
      .map(([at, insert, remove, cut]) => (cut ? quirks.slice(0, at) : quirks.slice(0, at) + insert + quirks.slice(at + remove)));
    let located = 0;
    fc.assert(
      fc.property(broken, fc.constantFrom(1, 5, 4096), (text, most) => {
        const whole = errorOf(() => parseJson(text, 'q.json'));
        const streamed = errorOf(() => readTakExportFrom(trickling(text, most), 'q.json'));
        if (whole) {
          located++;
          expect(streamed).toBe(whole);
        } else expect(streamed ?? '').not.toMatch(/is not JSON/);
      }),
      { seed: 12, numRuns: 400 },
    );
    expect(located).toBeGreaterThan(100);
  });

  it('locates errors at the frame too: a missing comma, a stray key, junk after the end, an empty file', () => {
    const cases = ['{"data": {"vagval": [{"id": 1}\n {"id": 2}]}}', '{"data": {"vagval": [], 5: []}}', '{"data": {}} x', '', ' \n ', '{"data": {"vagval": [1,]}}'];
    for (const text of cases) expect(errorOf(() => readTakExport(text, 'q.json'))).toBe(errorOf(() => parseJson(text, 'q.json')));
  });

  it('refuses a row that is not an object, and a document without a "data" object, in one message each', () => {
    expect(errorOf(() => readTakExport('{"data": {"vagval": [{"id": 1},\n  5]}}', 'q.json'))).toBe('q.json:2:3 is not a catalog export: a row of vagval that is not an object');
    for (const text of ['[1]', '{"data": null}', '{"formatVersion": "1"}', '{"data": {}, "data": 5}']) {
      expect(errorOf(() => readTakExport(text, 'q.json'))).toMatch(/^q\.json is not a catalog export: it has no "data" object/);
    }
  });

  it('reads the file that the CLI is given', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tak-export-')), 'export.json');
    writeFileSync(file, catalogsOwn);
    expect(asJson(readTakExportFile(file))).toEqual(asJson(readTakExport(catalogsOwn)));
  });
});
