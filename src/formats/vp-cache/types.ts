import type { FilterRow } from '../tak/tables';

/**
 * What the VP's cache carries of a routing entry (virtualiseringsInfo): no producer HSA-id, only
 * the producer's address and profile. Days as in TakTables; an absent day is unbounded.
 */
export interface VpRouting {
  id: string;
  logicalAddress: string;
  profile: string;
  contract: string;
  from?: string;
  to?: string;
  url: string;
}

/** anropsBehorighetsInfo: a consumer authorization, with the catalog's filters. */
export interface VpAuthorization {
  id: string;
  logicalAddress: string;
  consumer: string;
  contract: string;
  from?: string;
  to?: string;
  filters: FilterRow[];
}

/** The VP's persistentCache document. */
export interface VpCache {
  routing: VpRouting[];
  authorizations: VpAuthorization[];
}

/** The namespace of the elements of the cache (the SokVagvalsInfo v2 schema). */
export const VAGVALSINFO_NS = 'urn:skl:tp:vagvalsinfo:v2';
