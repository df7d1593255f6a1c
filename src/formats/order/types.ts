/**
 * The platform's JSON order (JSON-beställning, the Beställningsstöd's format): what the catalog
 * (TAK) imports as `inkludera` (create or extend) and `exkludera` (end-date or delete). Field names
 * are the platform's own; references between items are by natural key (HSA-id, namespace).
 */

/** tjanstekontrakt: a service contract to create (existing ones are silently dropped by the platform). */
export interface OrderContract {
  namnrymd: string;
  beskrivning: string;
  majorVersion?: number;
}

/** logiskadresser / tjanstekomponenter: an HSA-id and its description. */
export interface OrderNamed {
  hsaId: string;
  beskrivning: string;
}

/** anropsbehorigheter: (consumer, contract, logical address). */
export interface OrderAuthorization {
  logiskAdress: string;
  tjanstekontrakt: string;
  tjanstekonsument: string;
}

/**
 * vagval: (contract, logical address) -> producer, profile, URL. All five are required to include;
 * to exclude, the platform needs only logical address, contract and producer.
 */
export interface OrderRouting {
  adress?: string;
  logiskAdress: string;
  tjanstekontrakt: string;
  rivtaprofil?: string;
  tjanstekomponent: string;
}

export interface OrderSection {
  tjanstekontrakt: OrderContract[];
  logiskadresser: OrderNamed[];
  tjanstekomponenter: OrderNamed[];
  anropsbehorigheter: OrderAuthorization[];
  vagval: OrderRouting[];
}

/** Timestamps are written `yyyy-MM-dd'T'HH:mm:ssZ`, e.g. `2022-05-22T12:00:01+0000`. */
export interface Order {
  plattform: string;
  formatVersion: number;
  version: number;
  bestallningsTidpunkt?: string;
  genomforandeTidpunkt: string;
  utforare?: string;
  kommentar?: string;
  inkludera: OrderSection;
  exkludera: OrderSection;
}

export const SECTION_NAMES = ['tjanstekontrakt', 'logiskadresser', 'tjanstekomponenter', 'anropsbehorigheter', 'vagval'] as const;

export function emptySection(): OrderSection {
  return { tjanstekontrakt: [], logiskadresser: [], tjanstekomponenter: [], anropsbehorigheter: [], vagval: [] };
}

/** Number of items in both sections; an order with none changes nothing. */
export function orderSize(order: Order): number {
  return SECTION_NAMES.reduce((n, s) => n + order.inkludera[s].length + order.exkludera[s].length, 0);
}
