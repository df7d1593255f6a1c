import type { TakTables } from '../formats/tak/tables';

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
  const routing = sortedBy(tables.routing.filter(current), [(r) => r.contract, (r) => r.logicalAddress, (r) => r.producer, (r) => r.profile], [(r) => r.url, (r) => r.from, (r) => r.to]);
  const authorizations = sortedBy(
    tables.authorizations.filter(current),
    [(a) => a.consumer, (a) => a.contract, (a) => a.logicalAddress],
    [(a) => a.integrationAgreement, (a) => JSON.stringify(a.filters), (a) => a.from, (a) => a.to],
  );
  const entities = <T>(map: Map<string, T>) => new Map([...map].sort(([a], [b]) => compare(a, b)));
  return {
    tables: { components: entities(tables.components), contracts: entities(tables.contracts), logicalAddresses: entities(tables.logicalAddresses), routing, authorizations },
    expired: { routing: tables.routing.length - routing.length, authorizations: tables.authorizations.length - authorizations.length },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows in the order of their key's text, `JSON.stringify([naturalKey(...parts), ...fields])`,
 * without making that text for each row (at a million rows the texts alone take 300 MB). The text
 * (less its first two characters, the same in every key) is a sequence of pieces, one for each part
 * and field with the separator that comes before or after it; a row is its pieces' ranks, and two
 * rows compare by the first rank that differs. Where the smaller piece is the start of the other
 * (only when a value holds the separator `|`), the rest of the texts decides.
 */
function sortedBy<R>(rows: R[], parts: ((row: R) => string)[], fields: ((row: R) => string | undefined)[]): R[] {
  const last = parts.length - 1;
  const columns = [
    ...parts.map((part, i) => new KeyColumn(rows, part, (value) => `${JSON.stringify((value as string).toLowerCase()).slice(1, -1)}${i < last ? '|' : '"'}`)),
    ...fields.map((field, i) => new KeyColumn(rows, field, (value) => `,${value === undefined ? 'null' : JSON.stringify(value)}${i === fields.length - 1 ? ']' : ''}`)),
  ];
  const text = (row: number, from: number) => columns.slice(from).map((c) => c.pieceOf(row)).join('');
  const byKey = (a: number, b: number) => {
    for (let c = 0; c < columns.length; c++) {
      const order = columns[c].compare(a, b);
      if (order === undefined) return compare(text(a, c), text(b, c));
      if (order !== 0) return order;
    }
    return 0;
  };
  return Array.from(rows.keys())
    .sort(byKey)
    .map((i) => rows[i]);
}

/** One piece of every row's key: the distinct pieces in text order, and each row's rank among them. */
class KeyColumn<R> {
  private readonly ranks: Int32Array;
  private readonly pieces: string[];
  /** Whether a piece is the start of the next one in order (and so of others). */
  private readonly startsNext: boolean[];

  constructor(rows: R[], value: (row: R) => string | undefined, piece: (value: string | undefined) => string) {
    const ids = new Map<string, number>();
    const byValue = new Map<string | undefined, number>();
    const found: string[] = [];
    this.ranks = new Int32Array(rows.length);
    rows.forEach((row, i) => {
      const v = value(row);
      let id = byValue.get(v);
      if (id === undefined) {
        const p = piece(v);
        id = ids.get(p);
        if (id === undefined) ids.set(p, (id = found.push(p) - 1));
        byValue.set(v, id);
      }
      this.ranks[i] = id;
    });
    const order = found.map((_, id) => id).sort((a, b) => compare(found[a], found[b]));
    const rankOf = new Int32Array(found.length);
    order.forEach((id, rank) => (rankOf[id] = rank));
    for (let i = 0; i < rows.length; i++) this.ranks[i] = rankOf[this.ranks[i]];
    this.pieces = order.map((id) => found[id]);
    this.startsNext = this.pieces.map((p, rank) => rank + 1 < this.pieces.length && this.pieces[rank + 1].startsWith(p));
  }

  pieceOf(row: number): string {
    return this.pieces[this.ranks[row]];
  }

  /** Rows a and b by this piece: 0 when it is the same, undefined when the rest of the texts must decide. */
  compare(a: number, b: number): number | undefined {
    const ra = this.ranks[a];
    const rb = this.ranks[b];
    if (ra === rb) return 0;
    const lower = ra < rb ? ra : rb;
    if (this.startsNext[lower] && this.pieces[ra + rb - lower].startsWith(this.pieces[lower])) return undefined;
    return ra - rb;
  }
}
