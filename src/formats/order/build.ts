/**
 * The order for one environment's change set: what the platform must do so that, on the execution
 * day D (the clock's date), its routing entries and authorizations are those the head declares.
 *
 * - A routing entry new on D, or whose producer, profile or URL changed, is one `inkludera` of the
 *   new routing: the platform replaces the old one itself (an exclude plus an include of the same
 *   logical address and contract would be refused as a duplicate).
 * - A routing entry or authorization in effect at the base and not at the head on D is `exkludera`.
 * - Systems, logical addresses and contracts the included items need and that this environment did
 *   not use before are included, as are newly installed contracts.
 * - Nothing appears twice. Entries that start after D, and changes of an end date only, are not
 *   expressible in an order (see dates.ts) and are left to the plan report.
 */
import { activeOn, isoDay } from '../../check/periods';
import { naturalKey } from '../../model/syntax';
import type { AuthorizationItem, EnvironmentChanges, RoutingItem } from '../../plan/types';
import { executionTimestamp, orderTimestamp } from './dates';
import { callAddressKey } from '../tak/tables';
import { emptySection, type Order, type OrderAuthorization, type OrderRouting } from './types';

export interface BuildOrderOptions {
  /** The clock: the order's timestamps and its execution day. */
  now: Date;
  /** utforare: who orders (default `tak plan`). */
  orderer?: string;
  /** kommentar, e.g. the pull request or the revisions compared. */
  comment?: string;
}

const routing = (r: RoutingItem): OrderRouting => ({
  adress: r.url,
  logiskAdress: r.logicalAddress,
  tjanstekontrakt: r.contract,
  rivtaprofil: r.profile,
  tjanstekomponent: r.producer,
});

const authorization = (a: AuthorizationItem): OrderAuthorization => ({
  logiskAdress: a.logicalAddress,
  tjanstekontrakt: a.contract,
  tjanstekonsument: a.consumer,
});

const sameAddress = (a: RoutingItem, b: RoutingItem) => callAddressKey(a) === callAddressKey(b);

export function buildOrder(changes: EnvironmentChanges, options: BuildOrderOptions): Order {
  const day = isoDay(options.now);
  const on = (x: { validFrom?: string; validTo?: string }) => activeOn(x, day);
  const order: Order = {
    plattform: changes.platform ?? changes.env,
    formatVersion: 1,
    version: 1,
    bestallningsTidpunkt: orderTimestamp(options.now),
    genomforandeTidpunkt: executionTimestamp(day),
    utforare: options.orderer ?? 'tak plan',
    kommentar: options.comment ?? '',
    inkludera: emptySection(),
    exkludera: emptySection(),
  };
  const once = new Set<string>();
  const put = <T>(list: T[], key: string, item: T) => {
    if (once.has(key)) return;
    once.add(key);
    list.push(item);
  };
  const { routing: r, authorizations: a } = changes;
  const includeRouting = [...r.added.filter(on), ...r.changed.filter((c) => on(c.after) && !(on(c.before) && sameAddress(c.before, c.after))).map((c) => c.after)];
  const excludeRouting = [...r.removed.filter(on), ...r.changed.filter((c) => on(c.before) && !on(c.after)).map((c) => c.before)];
  const includeAuth = [...a.added.filter(on), ...a.changed.filter((c) => on(c.after) && !on(c.before)).map((c) => c.after)];
  const excludeAuth = [...a.removed.filter(on), ...a.changed.filter((c) => on(c.before) && !on(c.after)).map((c) => c.before)];
  for (const x of includeRouting) put(order.inkludera.vagval, `v|${x.key}`, routing(x));
  for (const x of excludeRouting) put(order.exkludera.vagval, `v|${x.key}`, routing(x));
  for (const x of includeAuth) put(order.inkludera.anropsbehorigheter, `a|${x.key}`, authorization(x));
  for (const x of excludeAuth) put(order.exkludera.anropsbehorigheter, `a|${x.key}`, authorization(x));
  addObjects(order, changes);
  return order;
}

/** The new catalog objects that included items refer to, and newly installed contracts. */
function addObjects(order: Order, changes: EnvironmentChanges): void {
  const { vagval, anropsbehorigheter } = order.inkludera;
  const components = new Set([...vagval.map((v) => v.tjanstekomponent), ...anropsbehorigheter.map((x) => x.tjanstekonsument)].map((id) => naturalKey(id)));
  const addresses = new Set([...vagval, ...anropsbehorigheter].map((x) => naturalKey(x.logiskAdress)));
  const contracts = new Set([...vagval, ...anropsbehorigheter].map((x) => naturalKey(x.tjanstekontrakt)));
  for (const c of changes.contracts.installed) contracts.add(naturalKey(c.namespace));
  const { newObjects } = changes;
  order.inkludera.tjanstekomponenter = newObjects.components
    .filter((c) => components.has(naturalKey(c.hsaId)))
    .map((c) => ({ hsaId: c.hsaId, beskrivning: c.description }));
  order.inkludera.logiskadresser = newObjects.logicalAddresses
    .filter((la) => addresses.has(naturalKey(la.hsaId)))
    .map((la) => ({ hsaId: la.hsaId, beskrivning: la.description }));
  order.inkludera.tjanstekontrakt = newObjects.contracts
    .filter((c) => contracts.has(naturalKey(c.namespace)))
    .map((c) => ({ namnrymd: c.namespace, beskrivning: c.description, majorVersion: c.major }));
}
