import fc from 'fast-check';
import { emptyTables, type AuthorizationRow, type RoutingRow } from '../formats/tak/tables';
import { naturalKey } from '../model/syntax';
import { selectRows } from './select';

/** The order as it was defined before ranks: each row's key as JSON text, compared as text. */
const byText = <R>(rows: R[], key: (row: R) => (string | undefined)[]) =>
  rows
    .map((row) => ({ row, key: JSON.stringify(key(row)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.row);

// Characters that sort around the separators and quotes of the key's text, escapes, case and non-ASCII.
const value = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '|', ' ', '!', '"', '#', '\\', '\n', ',', ']', 'null', 'Σ', 'İ', 'å', '\u2028', '\ud83d', '😀'), maxLength: 4 });
const day = fc.option(fc.constantFrom('2026-01-01', '2030-01-01', '2126-12-02'), { nil: undefined });
const routingRow = fc.record({ contract: value, logicalAddress: value, producer: value, profile: value, url: value, from: day, to: day }, { requiredKeys: ['contract', 'logicalAddress', 'producer', 'profile', 'url'] });
const authorizationRow = fc.record({
  consumer: value,
  contract: value,
  logicalAddress: value,
  integrationAgreement: fc.option(value, { nil: undefined }),
  filters: fc.array(fc.record({ serviceDomain: value, categorizations: fc.array(value, { maxLength: 2 }) }), { maxLength: 2 }),
  from: day,
  to: day,
});

describe('the rows an import keeps, in their canonical order', () => {
  it('orders rows as their keys\' JSON texts compare, also where a value holds the key\'s separators', () => {
    fc.assert(
      fc.property(fc.array(routingRow, { maxLength: 40 }), fc.array(authorizationRow, { maxLength: 40 }), (routing, authorizations) => {
        const tables = { ...emptyTables(), routing: routing as RoutingRow[], authorizations: authorizations as AuthorizationRow[] };
        const selected = selectRows(tables, '2000-01-01', true).tables;
        expect(selected.routing).toEqual(byText(tables.routing, (r) => [naturalKey(r.contract, r.logicalAddress, r.producer, r.profile), r.url, r.from, r.to]));
        expect(selected.authorizations).toEqual(
          byText(tables.authorizations, (a) => [naturalKey(a.consumer, a.contract, a.logicalAddress), a.integrationAgreement, JSON.stringify(a.filters), a.from, a.to]),
        );
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('keeps the rows still valid on the day, and counts the others', () => {
    const row = (to?: string): RoutingRow => ({ contract: 'c', logicalAddress: 'la', producer: 'p', profile: 'RIVTABP21', url: 'u', ...(to ? { to } : {}) });
    const tables = { ...emptyTables(), routing: [row('2025-12-31'), row('2026-01-01'), row()] };
    const selection = selectRows(tables, '2026-01-01');
    expect(selection.tables.routing.map((r) => r.to)).toEqual(['2026-01-01', undefined]);
    expect(selection.expired).toEqual({ routing: 1, authorizations: 0 });
  });
});
