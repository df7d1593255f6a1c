/**
 * Connection files a person can read: routing grouped by producer and service domain, authorizations
 * by consumer and service domain; inside a file, the logical addresses that share everything else
 * (profile, endpoints, validity, agreement, filters) form one group with one address list.
 * Two rows for the same pair (which the platform may hold) land in separate groups, never merged.
 */
import type { AuthorizationRow, RoutingRow } from '../formats/tak/tables';
import type { AuthorizationGroupDecl, RoutingGroupDecl } from '../model/schemas';
import { naturalKey } from '../model/syntax';

/** Dates that still matter on the import day: a start in the future, an end before the catalog's "forever". */
export interface Dating {
  today: string;
  /** Ends on or after this day are the catalog's open end (+100 years) and are not written. */
  openEnd: string;
}

/** Rows of one address and head in which each contract occurs once (natural keys of the contracts). */
interface Layer<R> {
  rows: R[];
  contracts: Set<string>;
}

interface Grouped<D> {
  decl: D;
  addresses: string[];
}

/** The validity a declaration writes for a row: only the dates that still matter (see Dating). */
export const validity = (row: { from?: string; to?: string }, dating: Dating) => ({
  ...(row.from && row.from > dating.today ? { validFrom: row.from } : {}),
  ...(row.to && row.to < dating.openEnd ? { validTo: row.to } : {}),
});

/**
 * Splits rows by logical address, then each address's rows into layers in which a contract occurs
 * once, and groups addresses whose layer looks the same. Linear in the number of rows.
 */
function groupRows<R extends { logicalAddress: string; contract: string }, D>(
  rows: R[],
  head: (row: R) => string,
  build: (first: R, layer: R[]) => D,
  ref: (namespace: string) => string,
): Grouped<D>[] {
  const byAddress = new Map<string, { address: string; layers: Map<string, Layer<R>[]> }>();
  for (const row of rows) {
    const key = naturalKey(row.logicalAddress);
    let entry = byAddress.get(key);
    if (!entry) byAddress.set(key, (entry = { address: row.logicalAddress, layers: new Map() }));
    const h = head(row);
    let layers = entry.layers.get(h);
    if (!layers) entry.layers.set(h, (layers = []));
    const contract = naturalKey(row.contract);
    let free = layers.find((layer) => !layer.contracts.has(contract));
    if (!free) layers.push((free = { rows: [], contracts: new Set() }));
    free.rows.push(row);
    free.contracts.add(contract);
  }
  const groups = new Map<string, Grouped<D>>();
  for (const { address, layers } of byAddress.values()) {
    for (const [h, list] of layers) {
      for (const { rows: layer } of list) {
        layer.sort((a, b) => (ref(a.contract) < ref(b.contract) ? -1 : 1));
        const signature = `${h}\n${layer.map((r) => `${ref(r.contract)} ${(r as Partial<RoutingRow>).url ?? ''}`).join('\n')}`;
        let group = groups.get(signature);
        if (!group) groups.set(signature, (group = { decl: build(layer[0], layer), addresses: [] }));
        group.addresses.push(address);
      }
    }
  }
  return [...groups.values()];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function routingGroups(rows: RoutingRow[], ref: (ns: string) => string, dating: Dating): RoutingGroupDecl[] {
  const head = (r: RoutingRow) => `${r.producer}|${r.profile}|${JSON.stringify(validity(r, dating))}`;
  const groups = groupRows(rows, head, (first, layer) => ({
    producer: first.producer,
    profile: first.profile,
    contracts: Object.fromEntries(layer.map((r) => [ref(r.contract), r.url])),
    logicalAddresses: [] as string[],
    ...validity(first, dating),
  }), ref);
  return groups.map((g) => ({ ...g.decl, logicalAddresses: g.addresses.sort(byText) }));
}

export function authorizationGroups(rows: AuthorizationRow[], ref: (ns: string) => string, dating: Dating): AuthorizationGroupDecl[] {
  const extras = (r: AuthorizationRow) => ({
    ...(r.integrationAgreement ? { integrationAgreement: r.integrationAgreement } : {}),
    ...(r.filters.length ? { filters: r.filters.map((f) => ({ serviceDomain: f.serviceDomain, categorizations: f.categorizations })) } : {}),
    ...validity(r, dating),
  });
  const head = (r: AuthorizationRow) => `${r.consumer}|${JSON.stringify(extras(r))}`;
  const groups = groupRows(rows, head, (first, layer) => ({
    consumer: first.consumer,
    contracts: layer.map((r) => ref(r.contract)),
    logicalAddresses: [] as string[],
    ...extras(first),
  }), ref);
  return groups.map((g) => ({ ...g.decl, logicalAddresses: g.addresses.sort(byText) }));
}
