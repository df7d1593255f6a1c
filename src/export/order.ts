/**
 * The whole of an environment as one order: every routing entry and authorization in effect on
 * the execution day as `inkludera`, with the contracts, systems and logical addresses they need.
 * Executed against an empty catalog it creates the environment; against the platform's current
 * catalog it changes nothing that is already there (the platform extends identical rows).
 */
import { activeOn } from '../check/periods';
import { executionTimestamp, orderTimestamp } from '../formats/order/dates';
import { emptySection, type Order } from '../formats/order/types';
import { authorizationKey, routingKey, type TakTables } from '../formats/tak/tables';
import { naturalKey } from '../model/syntax';

export interface WholeOrder {
  order: Order;
  /** Rows an order cannot carry (not in effect on the day, or a second row for the same pair). */
  notes: string[];
}

export function wholeOrder(tables: TakTables, platform: string, now: Date, today: string): WholeOrder {
  const order: Order = {
    plattform: platform,
    formatVersion: 1,
    version: 1,
    bestallningsTidpunkt: orderTimestamp(now),
    genomforandeTidpunkt: executionTimestamp(today),
    utforare: 'tak export',
    kommentar: `The whole environment as of ${today}`,
    inkludera: emptySection(),
    exkludera: emptySection(),
  };
  const notes: string[] = [];
  const seen = new Set<string>();
  const contracts = new Set<string>();
  const components = new Set<string>();
  const addresses = new Set<string>();
  const take = (key: string, row: { from?: string; to?: string }, what: string) => {
    if (!activeOn({ validFrom: row.from, validTo: row.to }, today)) notes.push(`${what} is not in effect on ${today}: left out`);
    else if (seen.has(key)) notes.push(`${what} is a second row for the same pair: left out (an order holds one)`);
    else return seen.add(key);
    return false;
  };
  for (const r of tables.routing) {
    if (!take(`v|${routingKey(r)}`, r, `routing ${r.contract} for ${r.logicalAddress}`)) continue;
    order.inkludera.vagval.push({ adress: r.url, logiskAdress: r.logicalAddress, tjanstekontrakt: r.contract, rivtaprofil: r.profile, tjanstekomponent: r.producer });
    contracts.add(r.contract);
    components.add(r.producer);
    addresses.add(r.logicalAddress);
  }
  for (const a of tables.authorizations) {
    if (!take(`a|${authorizationKey(a)}`, a, `authorization of ${a.consumer} for ${a.contract} at ${a.logicalAddress}`)) continue;
    order.inkludera.anropsbehorigheter.push({ logiskAdress: a.logicalAddress, tjanstekontrakt: a.contract, tjanstekonsument: a.consumer });
    contracts.add(a.contract);
    components.add(a.consumer);
    addresses.add(a.logicalAddress);
  }
  const unique = (values: Set<string>) => [...new Map([...values].map((v) => [naturalKey(v), v])).values()];
  for (const ns of unique(contracts)) {
    const c = tables.contracts.get(naturalKey(ns));
    order.inkludera.tjanstekontrakt.push({ namnrymd: ns, beskrivning: c?.description || ns, majorVersion: c?.major ?? Number(/:(\d+)$/.exec(ns)?.[1] ?? 0) });
  }
  for (const hsaId of unique(components)) order.inkludera.tjanstekomponenter.push({ hsaId, beskrivning: tables.components.get(naturalKey(hsaId))?.description || hsaId });
  for (const hsaId of unique(addresses)) order.inkludera.logiskadresser.push({ hsaId, beskrivning: tables.logicalAddresses.get(naturalKey(hsaId))?.description || hsaId });
  return { order, notes };
}
