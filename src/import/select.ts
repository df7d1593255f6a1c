import type { TakTables } from '../formats/tak/tables';

export interface Selection {
  tables: TakTables;
  /** Rows left out because their validity ended before the import day. */
  expired: { routing: number; authorizations: number };
}

/**
 * The rows an import keeps: those still valid on `today` or later (a future start is kept, it
 * is an order already placed), or every row with `includeExpired`.
 */
export function selectRows(tables: TakTables, today: string, includeExpired = false): Selection {
  const current = <T extends { to?: string }>(row: T) => includeExpired || row.to === undefined || row.to >= today;
  const routing = tables.routing.filter(current);
  const authorizations = tables.authorizations.filter(current);
  return {
    tables: { ...tables, routing, authorizations },
    expired: { routing: tables.routing.length - routing.length, authorizations: tables.authorizations.length - authorizations.length },
  };
}
