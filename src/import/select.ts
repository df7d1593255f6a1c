import type { TakTables } from '../formats/tak/tables';
import { naturalKey } from '../model/syntax';

export interface Selection {
  tables: TakTables;
  /** Rows left out because their validity ended before the import day. */
  expired: { routing: number; authorizations: number };
}

/**
 * The rows an import keeps: those still valid on `today` or later (a future start is kept, it
 * is an order already placed), or every row with `includeExpired`. They come in one canonical
 * order, so that what an import writes (file names, groups, lists) does not depend on the order
 * of the rows it read: import → export → import writes the same files.
 */
export function selectRows(tables: TakTables, today: string, includeExpired = false): Selection {
  const current = <T extends { to?: string }>(row: T) => includeExpired || row.to === undefined || row.to >= today;
  const routing = sortedBy(tables.routing.filter(current), (r) => [naturalKey(r.contract, r.logicalAddress, r.producer, r.profile), r.url, r.from, r.to]);
  const authorizations = sortedBy(tables.authorizations.filter(current), (a) => [
    naturalKey(a.consumer, a.contract, a.logicalAddress),
    a.integrationAgreement,
    JSON.stringify(a.filters),
    a.from,
    a.to,
  ]);
  const entities = <T>(map: Map<string, T>) => new Map([...map].sort(([a], [b]) => compare(a, b)));
  return {
    tables: { components: entities(tables.components), contracts: entities(tables.contracts), logicalAddresses: entities(tables.logicalAddresses), routing, authorizations },
    expired: { routing: tables.routing.length - routing.length, authorizations: tables.authorizations.length - authorizations.length },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows sorted by a key computed once per row (the import sorts up to millions). */
function sortedBy<R>(rows: R[], key: (row: R) => (string | undefined)[]): R[] {
  return rows
    .map((row) => ({ row, key: JSON.stringify(key(row)) }))
    .sort((a, b) => compare(a.key, b.key))
    .map((x) => x.row);
}
