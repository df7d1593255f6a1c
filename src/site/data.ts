/**
 * The report's data for one environment, as plain data: the connections (each authorization with
 * the routing the VP would choose for it, and routing no one is authorized for), per-system and
 * per-domain figures, the graph of who calls whom, certificate expiry and the findings. One pass
 * over the entries, with the lookup module the rules and `tak explain` use.
 */
import { AddressTree, CallLookup } from '../check/lookup';
import type { Finding } from '../check/types';
import { validity } from '../certs/read';
import { certificateUses } from '../check/certificates';
import type { EnvironmentState, RoutingEntry } from '../model/state';
import { contractLabel } from '../resolve/references';

/** One row of the connections table: consumer, contract, logical address, producer, URL, profile, from, to, status. */
export type Row = [string, string, string, string, string, string, string, string, RowStatus];

/** `ok`: routed and authorized; `VP004`: authorized but no routing; `unused`: routing no one is authorized for. */
export type RowStatus = 'ok' | 'VP004' | 'unused';

export interface Counterparts {
  /** contract label -> counterpart HSA-id -> number of logical addresses */
  [contract: string]: Record<string, number>;
}

/** Per system: as producer, contract -> consumer ('' for routing no one is authorized for) -> addresses; as consumer, contract -> producer ('' for none: VP004). */
export interface SystemFigures {
  produces: Counterparts;
  consumes: Counterparts;
}

export interface Certificate {
  /** The system's HSA-id, or the trusted CA's name. */
  owner: string;
  file: string;
  subject: string;
  notAfter?: string;
  daysLeft?: number;
  problem?: string;
}

export interface SiteData {
  env: string;
  day: string;
  /** Rows grouped by consumer (routing without consumer last), each group sorted. */
  groups: { consumer: string; rows: Row[] }[];
  rowCount: number;
  figures: Map<string, SystemFigures>;
  /** Edges of the graph: consumer -> producer, with the domains and number of (contract, address) pairs. */
  edges: { from: string; to: string; domains: string[]; count: number }[];
  certificates: Certificate[];
  findings: Finding[];
}

const DAY_MS = 86_400_000;

export function siteData(state: EnvironmentState, findings: Finding[], now: Date, day: string): SiteData {
  const label = labeller(state);
  const lookup = new CallLookup(new AddressTree(state.catalog), state.routing, []);
  const used = new Set<RoutingEntry>();
  const byConsumer = new Map<string, Row[]>();
  const figures = new Map<string, SystemFigures>();
  const edges = new Map<string, { from: string; to: string; domains: Set<string>; count: number }>();
  const domainOf = new Map(state.catalog.contracts.map((c) => [c.namespace.toLowerCase(), c.domain]));
  for (const a of state.authorizations) {
    const route = lookup.route(a.contract, a.logicalAddress, day)?.entries[0];
    if (route) used.add(route);
    const contract = label(a.contract);
    push(byConsumer, a.consumer, [a.consumer, contract, a.logicalAddress, route?.producer ?? '', route?.url ?? '', route?.profile ?? '', a.validFrom ?? '', a.validTo ?? '', route ? 'ok' : 'VP004']);
    count(figuresOf(figures, a.consumer).consumes, contract, route?.producer ?? '');
    if (route) {
      count(figuresOf(figures, route.producer).produces, contract, a.consumer);
      const key = `${a.consumer}|${route.producer}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { from: a.consumer, to: route.producer, domains: new Set(), count: 0 }));
      edge.count++;
      edge.domains.add(domainOf.get(a.contract.toLowerCase()) ?? a.contract);
    }
  }
  for (const r of state.routing) {
    if (used.has(r)) continue;
    const contract = label(r.contract);
    count(figuresOf(figures, r.producer).produces, contract, '');
    push(byConsumer, '', ['', contract, r.logicalAddress, r.producer, r.url, r.profile, r.validFrom ?? '', r.validTo ?? '', 'unused']);
  }
  const groups = [...byConsumer.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([consumer, rows]) => ({ consumer, rows: rows.sort(byColumns) }));
  return {
    env: state.name,
    day,
    groups,
    rowCount: groups.reduce((n, g) => n + g.rows.length, 0),
    figures,
    edges: [...edges.values()].map((e) => ({ ...e, domains: [...e.domains].sort() })),
    certificates: certificatesOf(state, now),
    findings: findings.filter((f) => f.env === state.name),
  };
}

/** Contract labels (`GetForms:2`) memoized per namespace: a million rows name a few hundred contracts. */
function labeller(state: EnvironmentState): (namespace: string) => string {
  const memo = new Map<string, string>();
  return (namespace) => {
    let l = memo.get(namespace);
    if (l === undefined) {
      const c = state.catalog.contractIndex.get(namespace.toLowerCase());
      l = c ? contractLabel(c) : namespace;
      memo.set(namespace, l);
    }
    return l;
  };
}

function figuresOf(map: Map<string, SystemFigures>, hsaId: string): SystemFigures {
  const key = hsaId.toLowerCase();
  let f = map.get(key);
  if (!f) map.set(key, (f = { produces: {}, consumes: {} }));
  return f;
}

function count(c: Counterparts, contract: string, counterpart: string): void {
  const per = (c[contract] ??= {});
  per[counterpart] = (per[counterpart] ?? 0) + 1;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byColumns(a: Row, b: Row): number {
  return a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]);
}

/** Every certificate the environment uses (systems' and trusted CAs'), soonest expiry first. */
function certificatesOf(state: EnvironmentState, now: Date): Certificate[] {
  const out: Certificate[] = certificateUses(state).map((use) => {
    const [leaf] = use.file?.certificates ?? [];
    if (!leaf) return { owner: use.entity, file: use.path, subject: '', problem: use.file?.problem ?? 'is missing' };
    const to = validity(leaf).to;
    return { owner: use.entity, file: use.path, subject: leaf.subject.replace(/\n/g, ', '), notAfter: to.toISOString().slice(0, 10), daysLeft: Math.floor((to.getTime() - now.getTime()) / DAY_MS) };
  });
  return out.sort((a, b) => (a.daysLeft ?? -1e9) - (b.daysLeft ?? -1e9));
}
