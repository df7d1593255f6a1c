/**
 * The platform's execution of an order (tak-web BestallningService), over the catalog's rows:
 *
 * 1. the order's platform must be this instance's;
 * 2. no item twice across inkludera and exkludera (case-insensitive; a vagval by logical address
 *    and contract only, so a URL change is one inkludera, never an exclude plus an include);
 * 3. contracts, components and logical addresses: exkludera of them is ignored (they cannot be
 *    deleted by order); included ones that exist are silently dropped; new ones are validated and
 *    stored with upper-cased HSA-ids;
 * 4. every reference must exist in the catalog or in the same order, and the RIV-TA profile in the
 *    catalog (profiles cannot be created by order); the URL of an address the order creates must
 *    have the characters and length the catalog accepts (an existing one is reused as it is);
 * 5. inkludera vagval / anropsbehorighet: none overlapping [D, D+100y] creates a row; one with the
 *    same address (producer, profile, exact URL) is extended; a vagval with another address is
 *    replaced (the old one is deactivated); more than one is an error;
 * 6. exkludera deactivates the overlapping rows (see dates.ts); rows that do not exist are ignored.
 *
 * Any error means nothing is applied: the input tables come back unchanged with the errors, in the
 * platform's words. Messages the platform's documentation quotes are verbatim; the others
 * (duplicates, missing references, empty fields) are written in the same style.
 */
import { overlaps } from '../../check/periods';
import { ENDPOINT_URL, HSA_ID, KNOWN_PROFILES, NAMESPACE, naturalKey, WILDCARD_ADDRESS } from '../../model/syntax';
import { authorizationKey, callAddressKey, routingKey, type AuthorizationRow, type RoutingRow, type TakTables } from '../tak/tables';
import { previousDay, yearsLater } from '../../model/days';
import { orderDay } from './dates';
import { ORDER_TIMESTAMP } from './schema';
import type { Order, OrderAuthorization, OrderRouting } from './types';

export interface ExecuteOptions {
  /** The platform id this catalog instance serves (environment.yaml's `platform`). */
  platform: string;
  /** When the order is carried out; the rows' dates come from the order's genomforandeTidpunkt. */
  now: Date;
}

export interface ExecuteResult {
  tables: TakTables;
  errors: string[];
}

/** Rows with a period, as the overlap check reads them. */
const period = (r: { from?: string; to?: string }) => ({ validFrom: r.from, validTo: r.to });
const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export function executeOrder(tables: TakTables, order: Order, options: ExecuteOptions): ExecuteResult {
  const errors: string[] = [];
  if (order.plattform !== options.platform) {
    errors.push(`Beställningen avser plattform ${order.plattform}, men den här instansen av tak-web hanterar ${options.platform}.`);
    return { tables, errors };
  }
  if (!new RegExp(ORDER_TIMESTAMP).test(order.genomforandeTidpunkt ?? '')) {
    errors.push(`Genomförandetidpunkt saknas eller är inte skriven yyyy-MM-dd'T'HH:mm:ssZ: ${order.genomforandeTidpunkt}`);
    return { tables, errors };
  }
  errors.push(...duplicates(order), ...requiredFields(order));
  if (errors.length > 0) return { tables, errors };
  const next = copy(tables);
  errors.push(...addPlainObjects(next, order), ...missingReferences(next, order));
  if (errors.length > 0) return { tables, errors };
  const from = orderDay(order.genomforandeTidpunkt);
  const run = new Execution(next, from);
  for (const v of order.inkludera.vagval) run.includeRouting(v);
  for (const a of order.inkludera.anropsbehorigheter) run.includeAuthorization(a);
  for (const v of order.exkludera.vagval) run.excludeRouting(v);
  for (const a of order.exkludera.anropsbehorigheter) run.excludeAuthorization(a);
  if (run.errors.length > 0) return { tables, errors: run.errors };
  return { tables: run.result(), errors: [] };
}

function copy(t: TakTables): TakTables {
  return {
    components: new Map(t.components),
    contracts: new Map(t.contracts),
    logicalAddresses: new Map(t.logicalAddresses),
    routing: t.routing.map((r) => ({ ...r })),
    authorizations: t.authorizations.map((a) => ({ ...a })),
  };
}

function duplicates(order: Order): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  const once = (key: string, message: string) => {
    if (seen.has(key)) errors.push(message);
    seen.add(key);
  };
  for (const v of [...order.inkludera.vagval, ...order.exkludera.vagval]) {
    once(`v|${naturalKey(v.logiskAdress, v.tjanstekontrakt)}`, `Vägval med logisk adress ${v.logiskAdress} och tjänstekontrakt ${v.tjanstekontrakt} förekommer mer än en gång i beställningen.`);
  }
  for (const a of [...order.inkludera.anropsbehorigheter, ...order.exkludera.anropsbehorigheter]) {
    once(`a|${naturalKey(a.logiskAdress, a.tjanstekonsument, a.tjanstekontrakt)}`, `Anropsbehörighet för tjänstekonsument ${a.tjanstekonsument}, tjänstekontrakt ${a.tjanstekontrakt} och logisk adress ${a.logiskAdress} förekommer mer än en gång i beställningen.`);
  }
  for (const c of order.inkludera.tjanstekontrakt) once(`k|${naturalKey(c.namnrymd)}`, `Tjänstekontrakt ${c.namnrymd} förekommer mer än en gång i beställningen.`);
  for (const la of order.inkludera.logiskadresser) once(`l|${naturalKey(la.hsaId)}`, `Logisk adress ${la.hsaId} förekommer mer än en gång i beställningen.`);
  for (const tk of order.inkludera.tjanstekomponenter) once(`t|${naturalKey(tk.hsaId)}`, `Tjänstekomponent ${tk.hsaId} förekommer mer än en gång i beställningen.`);
  return errors;
}

function requiredFields(order: Order): string[] {
  const errors: string[] = [];
  const need = (item: object, fields: string[], what: string) => {
    const missing = fields.filter((f) => blank((item as Record<string, string | undefined>)[f]));
    if (missing.length > 0) errors.push(`${what} saknar obligatoriska fält (${missing.join(', ')}): ${JSON.stringify(item)}`);
  };
  const auth = ['logiskAdress', 'tjanstekontrakt', 'tjanstekonsument'];
  for (const v of order.inkludera.vagval) need(v, ['adress', 'logiskAdress', 'tjanstekontrakt', 'rivtaprofil', 'tjanstekomponent'], 'Vägval att lägga till');
  for (const v of order.exkludera.vagval) need(v, ['logiskAdress', 'tjanstekontrakt', 'tjanstekomponent'], 'Vägval att ta bort');
  for (const a of order.inkludera.anropsbehorigheter) need(a, auth, 'Anropsbehörighet att lägga till');
  for (const a of order.exkludera.anropsbehorigheter) need(a, auth, 'Anropsbehörighet att ta bort');
  return errors;
}

/** New contracts, components and logical addresses; existing ones are dropped, as on the platform. */
function addPlainObjects(t: TakTables, order: Order): string[] {
  const errors: string[] = [];
  for (const c of order.inkludera.tjanstekontrakt) {
    if (t.contracts.has(naturalKey(c.namnrymd))) continue;
    if (!NAMESPACE.test(c.namnrymd)) errors.push(`Tjänstekontrakt ${c.namnrymd}: namnrymden innehåller otillåtna tecken.`);
    const major = c.majorVersion ?? Number(/:(\d+)$/.exec(c.namnrymd)?.[1] ?? 0);
    t.contracts.set(naturalKey(c.namnrymd), { namespace: c.namnrymd, description: c.beskrivning, major, minor: 0 });
  }
  for (const la of order.inkludera.logiskadresser) {
    if (t.logicalAddresses.has(naturalKey(la.hsaId))) continue;
    if (la.hsaId !== WILDCARD_ADDRESS && !HSA_ID.test(la.hsaId)) errors.push(`Logisk adress ${la.hsaId}: HSA-id innehåller otillåtna tecken.`);
    t.logicalAddresses.set(naturalKey(la.hsaId), { hsaId: la.hsaId.toUpperCase(), description: la.beskrivning });
  }
  for (const tk of order.inkludera.tjanstekomponenter) {
    if (t.components.has(naturalKey(tk.hsaId))) continue;
    if (!HSA_ID.test(tk.hsaId)) errors.push(`Tjänstekomponent ${tk.hsaId}: HSA-id innehåller otillåtna tecken.`);
    t.components.set(naturalKey(tk.hsaId), { hsaId: tk.hsaId.toUpperCase(), description: tk.beskrivning });
  }
  return errors;
}

const PROFILES = new Set<string>(KNOWN_PROFILES.map((p) => p.toLowerCase()));

/** The anropsadress an order's vagval names. */
const callAddressOf = (v: OrderRouting) => callAddressKey({ producer: v.tjanstekomponent, profile: v.rivtaprofil!, url: v.adress! });

function missingReferences(t: TakTables, order: Order): string[] {
  const errors: string[] = [];
  const endpoints = new Set(t.routing.map(callAddressKey));
  const exists = (map: Map<string, unknown>, id: string, what: string) => {
    if (!map.has(naturalKey(id))) errors.push(`${what} ${id} finns inte i TAK och ingår inte i beställningen.`);
  };
  for (const v of order.inkludera.vagval) {
    if (!PROFILES.has(v.rivtaprofil!.toLowerCase())) errors.push(`RIV-TA-profil ${v.rivtaprofil} finns inte i TAK.`);
    // The catalog validates the URL only of an anropsadress it creates.
    if (!endpoints.has(callAddressOf(v)) && !ENDPOINT_URL.test(v.adress!)) errors.push(`Anropsadress ${v.adress} innehåller otillåtna tecken eller har fel längd.`);
    exists(t.components, v.tjanstekomponent, 'Tjänstekomponent');
    exists(t.logicalAddresses, v.logiskAdress, 'Logisk adress');
    exists(t.contracts, v.tjanstekontrakt, 'Tjänstekontrakt');
  }
  for (const a of order.inkludera.anropsbehorigheter) {
    exists(t.components, a.tjanstekonsument, 'Tjänstekonsument');
    exists(t.logicalAddresses, a.logiskAdress, 'Logisk adress');
    exists(t.contracts, a.tjanstekontrakt, 'Tjänstekontrakt');
  }
  return errors;
}

/** Applies the routing and authorization items to a copy of the tables, indexed by natural key. */
class Execution {
  readonly errors: string[] = [];
  private readonly to: string;
  private readonly routing: Map<string, RoutingRow[]>;
  private readonly authorizations: Map<string, AuthorizationRow[]>;
  private readonly deleted = new Set<object>();

  constructor(
    private readonly t: TakTables,
    private readonly from: string,
  ) {
    this.to = yearsLater(from, 100);
    this.routing = group(t.routing, routingKey);
    this.authorizations = group(t.authorizations, authorizationKey);
  }

  includeRouting(v: OrderRouting): void {
    const key = naturalKey(v.tjanstekontrakt, v.logiskAdress);
    const live = this.overlapping(this.routing.get(key));
    if (live.length > 1) {
      this.errors.push(`Det finns mer än ett vagval med logisk adress ${v.logiskAdress} och tjänstekontrakt ${v.tjanstekontrakt} som överlappar ${this.from} – ${this.to}.`);
      return;
    }
    const existing = live[0];
    if (existing && sameAddress(existing, v)) return this.extend(existing);
    if (existing) this.deactivate(existing);
    const row: RoutingRow = {
      contract: this.t.contracts.get(naturalKey(v.tjanstekontrakt))!.namespace,
      logicalAddress: this.t.logicalAddresses.get(naturalKey(v.logiskAdress))!.hsaId,
      producer: this.t.components.get(naturalKey(v.tjanstekomponent))!.hsaId,
      profile: KNOWN_PROFILES.find((p) => p.toLowerCase() === v.rivtaprofil!.toLowerCase())!,
      url: v.adress!,
      from: this.from,
      to: this.to,
    };
    this.t.routing.push(row);
    this.routing.set(key, [...(this.routing.get(key) ?? []), row]);
  }

  includeAuthorization(a: OrderAuthorization): void {
    const key = naturalKey(a.tjanstekonsument, a.tjanstekontrakt, a.logiskAdress);
    const live = this.overlapping(this.authorizations.get(key));
    if (live.length > 1) {
      this.errors.push(`Det finns mer än en anropsbehörighet för tjänstekonsument ${a.tjanstekonsument}, tjänstekontrakt ${a.tjanstekontrakt} och logisk adress ${a.logiskAdress} som överlappar ${this.from} – ${this.to}.`);
      return;
    }
    if (live[0]) return this.extend(live[0]);
    const row: AuthorizationRow = {
      consumer: this.t.components.get(naturalKey(a.tjanstekonsument))!.hsaId,
      contract: this.t.contracts.get(naturalKey(a.tjanstekontrakt))!.namespace,
      logicalAddress: this.t.logicalAddresses.get(naturalKey(a.logiskAdress))!.hsaId,
      from: this.from,
      to: this.to,
      integrationAgreement: 'AUTOTAKNING',
      filters: [],
    };
    this.t.authorizations.push(row);
    this.authorizations.set(key, [...(this.authorizations.get(key) ?? []), row]);
  }

  /** Only the producer's own routing is excluded: the order names it, and another's is not this order's to end. */
  excludeRouting(v: OrderRouting): void {
    const rows = this.overlapping(this.routing.get(naturalKey(v.tjanstekontrakt, v.logiskAdress)));
    for (const row of rows) if (naturalKey(row.producer) === naturalKey(v.tjanstekomponent)) this.deactivate(row);
  }

  excludeAuthorization(a: OrderAuthorization): void {
    const rows = this.overlapping(this.authorizations.get(naturalKey(a.tjanstekonsument, a.tjanstekontrakt, a.logiskAdress)));
    for (const row of rows) this.deactivate(row);
  }

  result(): TakTables {
    const live = <T extends object>(rows: T[]) => rows.filter((r) => !this.deleted.has(r));
    return { ...this.t, routing: live(this.t.routing), authorizations: live(this.t.authorizations) };
  }

  private overlapping<T extends RoutingRow | AuthorizationRow>(rows: T[] | undefined): T[] {
    const window = { validFrom: this.from, validTo: this.to };
    return (rows ?? []).filter((r) => !this.deleted.has(r) && overlaps(period(r), window));
  }

  /** An earlier start is kept; the end becomes D + 100 years. */
  private extend(row: RoutingRow | AuthorizationRow): void {
    if (row.from !== undefined && this.from < row.from) row.from = this.from;
    row.to = this.to;
  }

  /** End-dated the day before D when already in effect, else soft-deleted (see dates.ts). */
  private deactivate(row: RoutingRow | AuthorizationRow): void {
    if (row.from !== undefined && this.from < row.from) this.deleted.add(row);
    else row.to = previousDay(this.from);
  }
}

function sameAddress(row: RoutingRow, v: OrderRouting): boolean {
  return callAddressKey(row) === callAddressOf(v);
}

function group<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}
