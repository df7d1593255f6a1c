/**
 * TAK-api v2 (`/coop/api/v2`, FORMATS.md §4) responses: one JSON array per endpoint. Relations are
 * embedded objects when the response was fetched with `include=`, and otherwise carry only the
 * technical `id` (which the api regenerates daily, so it is used only within one folder).
 */
export const ENDPOINTS = [
  'connectionPoints',
  'serviceConsumers',
  'serviceProducers',
  'serviceContracts',
  'serviceDomains',
  'logicalAddresses',
  'cooperations',
  'serviceProductions',
  'installedContracts',
] as const;

export type Endpoint = (typeof ENDPOINTS)[number];

export interface ApiConnectionPoint {
  id: number;
  platform?: string;
  environment?: string;
  snapshotTime?: string;
}
export interface ApiComponent {
  id: number;
  hsaId: string;
  description?: string;
}
export interface ApiContract {
  id: number;
  name?: string;
  namespace: string;
  major?: number;
  minor?: number;
}
export interface ApiLogicalAddress {
  id: number;
  logicalAddress: string;
  description?: string;
}
