/**
 * The platform catalog's own rows (TAK tables), flattened: what an export, a TAK-api dump, an order
 * execution or the VP cache speaks of. A routing row joins the catalog's vägval with its
 * anropsadress (producer, profile, URL). Dates are days (YYYY-MM-DD); an absent date is unbounded.
 * Keys of the maps are natural keys (`naturalKey`), so lookups are case-insensitive as on the platform.
 */
import type { Authorization, AuthorizationGroup, EnvironmentState, LogicalAddress, RoutingEntry, ServiceContract, System } from '../../model/state';
import { naturalKey } from '../../model/syntax';

/** tjanstekomponent / logiskadress: an HSA-id and its description. */
export interface NamedRow {
  hsaId: string;
  description: string;
}

/** tjanstekontrakt */
export interface ContractRow {
  namespace: string;
  description: string;
  major: number;
  minor: number;
}

/** vägval joined with anropsadress */
export interface RoutingRow {
  contract: string;
  logicalAddress: string;
  producer: string;
  profile: string;
  url: string;
  from?: string;
  to?: string;
}

/** The catalog's authorization filter (Filter + Filtercategorization). */
export interface FilterRow {
  serviceDomain: string;
  categorizations: string[];
}

/** anropsbehörighet */
export interface AuthorizationRow {
  consumer: string;
  contract: string;
  logicalAddress: string;
  from?: string;
  to?: string;
  /** integrationsavtal: required by the catalog; orders create rows with "AUTOTAKNING". */
  integrationAgreement?: string;
  filters: FilterRow[];
}

/** The integration agreement the catalog's orders give the authorizations they create (the field is required). */
export const DEFAULT_INTEGRATION_AGREEMENT = 'AUTOTAKNING';

export interface TakTables {
  components: Map<string, NamedRow>;
  contracts: Map<string, ContractRow>;
  logicalAddresses: Map<string, NamedRow>;
  routing: RoutingRow[];
  authorizations: AuthorizationRow[];
}

export function emptyTables(): TakTables {
  return { components: new Map(), contracts: new Map(), logicalAddresses: new Map(), routing: [], authorizations: [] };
}

/** The rows an environment's declarations amount to, as the platform would hold them. */
export function tablesFromState(state: EnvironmentState): TakTables {
  const { catalog } = state;
  const tables = emptyTables();
  for (const s of catalog.systems) tables.components.set(s.key, componentRow(s));
  for (const c of catalog.contracts) tables.contracts.set(c.key, contractRow(c));
  for (const la of catalog.logicalAddresses) tables.logicalAddresses.set(la.key, logicalAddressRow(la));
  tables.routing = state.routing.map(routingRow);
  tables.authorizations = state.authorizations.map(authorizationRows());
  return tables;
}

/** A routing entry of the state as the catalog's row. */
export const routingRow = (r: RoutingEntry): RoutingRow => ({
  contract: r.contract,
  logicalAddress: r.logicalAddress,
  producer: r.producer,
  profile: r.profile,
  url: r.url,
  from: r.validFrom,
  to: r.validTo,
});

/**
 * Authorizations of the state as the catalog's rows. A group's filter rows are made once and
 * shared by its authorizations (a million empty arrays would cost tens of megabytes), frozen so
 * that no row changes another's.
 */
export function authorizationRows(): (a: Authorization) => AuthorizationRow {
  const filters = new Map<AuthorizationGroup, FilterRow[]>();
  const filtersOf = (group: AuthorizationGroup) => {
    let rows = filters.get(group);
    if (!rows) {
      rows = Object.freeze((group.decl.filters ?? []).map((f) => ({ serviceDomain: f.serviceDomain, categorizations: f.categorizations }))) as FilterRow[];
      filters.set(group, rows);
    }
    return rows;
  };
  return (a) => ({
    consumer: a.consumer,
    contract: a.contract,
    logicalAddress: a.logicalAddress,
    from: a.validFrom,
    to: a.validTo,
    integrationAgreement: a.group.decl.integrationAgreement,
    filters: filtersOf(a.group),
  });
}

/** A declared system as the catalog's tjanstekomponent row. */
export const componentRow = (s: System): NamedRow => ({ hsaId: s.hsaId, description: s.decl.description ?? s.decl.name });
export const contractRow = (c: ServiceContract): ContractRow => ({ namespace: c.namespace, description: c.description ?? c.name, major: c.major, minor: c.minor });
export const logicalAddressRow = (la: LogicalAddress): NamedRow => ({ hsaId: la.hsaId, description: la.description });

export const routingKey = (r: Pick<RoutingRow, 'contract' | 'logicalAddress'>) => naturalKey(r.contract, r.logicalAddress);
export const authorizationKey = (a: Pick<AuthorizationRow, 'consumer' | 'contract' | 'logicalAddress'>) =>
  naturalKey(a.consumer, a.contract, a.logicalAddress);
/** An anropsadress (the producer's call address) is the producer, the profile and the exact URL: only the URL's case matters. */
export const callAddressKey = (r: Pick<RoutingRow, 'producer' | 'profile' | 'url'>) => `${naturalKey(r.producer, r.profile)}|${r.url}`;
