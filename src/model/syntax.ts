/**
 * Identifier syntax exactly as the platform's catalog (TAK) checks it on create/update
 * (tak-web EntityValidator). Legacy rows may break these; the loader accepts any non-empty
 * string and the integrity rules report what the platform would refuse today.
 */

/** HSA-id of a system (tjänstekomponent) or logical address (logisk adress). */
export const HSA_ID = /^[0-9a-zA-Z_-]{1,255}$/;

/** The wildcard logical address: a routing or authorization on it covers every address. */
export const WILDCARD_ADDRESS = '*';

/** The root of the HSA tree: an entry on it covers every Swedish unit. */
export const HSA_ROOT = 'SE';

/** Service contract namespace (namnrymd). */
export const NAMESPACE = /^[0-9a-zA-Z_.:-]{1,255}$/;

/** Producer endpoint (anropsadress): characters and length the catalog accepts. */
export const ENDPOINT_URL = /^[0-9a-zA-Z_.:/\-?&]{5,255}$/;

/** RIV-TA profiles known to the platform; profiles cannot be created through an order. */
export const KNOWN_PROFILES = ['RIVTABP20', 'RIVTABP21', 'RIVEN13606'] as const;

/** The catalog's own descriptions of its profiles (its export file), where they are known. */
export const PROFILE_DESCRIPTIONS: Readonly<Record<string, string>> = { RIVTABP20: 'RIV TA BP 2.0', RIVTABP21: 'RIV TA BP 2.1' };

export function isLogicalAddress(value: string): boolean {
  return value === WILDCARD_ADDRESS || HSA_ID.test(value);
}

/** Natural keys are compared case-insensitively, as the platform's cache matches them. */
export function naturalKey(...parts: string[]): string {
  return parts.join('|').toLowerCase();
}
