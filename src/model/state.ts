/**
 * The resolved model: what one environment declares, expanded into single routing entries and
 * authorizations keyed by natural keys (lower-cased, as the platform's cache matches them), each
 * carrying the file and line it came from. Every later step (check, plan, synth, export) reads
 * only this.
 */
import type { Locator } from '../load/locator';
import type { Diagnostic, Location } from './diagnostics';
import type * as s from './schemas';

export interface System {
  key: string;
  hsaId: string;
  decl: s.SystemDecl;
  /** The file that declares it. */
  file: string;
  location: Location;
  /** Lines of the system's file, for findings about one certificate or address in it. */
  locator: Locator;
}

/** A service contract (tjänstekontrakt); `namespace` is its identity on the platform. */
export interface ServiceContract {
  key: string;
  namespace: string;
  domain: string;
  name: string;
  major: number;
  minor: number;
  description?: string;
  location: Location;
}

export interface ServiceDomain {
  domain: string;
  decl: s.ServiceDomainDecl;
  location: Location;
}

/** A logical address (logisk adress) of the catalog. */
export interface LogicalAddress {
  key: string;
  hsaId: string;
  description: string;
  parent?: string;
  location: Location;
}

export interface TrustedCa {
  decl: s.TrustedCaDecl;
  location: Location;
}

/** `config/platform.yaml`: the platform team and which governance changes need its approval. */
export interface Platform {
  decl: s.PlatformDecl;
  location: Location;
}

export interface Suppression {
  decl: s.SuppressionDecl;
  file: string;
  location: Location;
}

/** A file with private key material in it, found by content whatever its name. */
export interface PrivateKeyFile {
  file: string;
  line: number;
  /** What was found, e.g. `a PKCS#12 (PFX) key store`. */
  kind: string;
}

/** What `config/` declares, shared by every environment. */
export interface Catalog {
  systems: System[];
  systemIndex: Map<string, System>;
  serviceDomains: ServiceDomain[];
  contracts: ServiceContract[];
  contractIndex: Map<string, ServiceContract>;
  /** `getforms:2` -> the contracts with that short name and major version (more than one: ambiguous). */
  contractsByShortName: Map<string, ServiceContract[]>;
  logicalAddresses: LogicalAddress[];
  logicalAddressIndex: Map<string, LogicalAddress>;
  trustedCas: TrustedCa[];
  /** Absent when the repository has no config/platform.yaml (then platform files have no owner). */
  platform?: Platform;
  /** Non-declaration files (certificates and the like) by repository path. */
  assets: Map<string, Buffer>;
  /** Files anywhere in the repository that hold private key material (they must not). */
  privateKeys: PrivateKeyFile[];
  suppressions: Suppression[];
  diagnostics: Diagnostic[];
}

/** A contract as a declaration names it, and what it resolved to. */
export interface ContractReference {
  ref: string;
  namespace?: string;
  /** Why it did not resolve (unknown, or ambiguous between namespaces). */
  problem?: string;
  location: Location;
}

/** A connection file (one pull request's worth of routing and authorizations). */
export interface Connection {
  file: string;
  env: string;
  decl: s.ConnectionDecl;
  locator: Locator;
}

/** A logical address as a group lists it, with its own line (so findings point into long lists). */
export interface AddressReference {
  logicalAddress: string;
  /** Lower case: entries match addresses case-insensitively, as the platform's cache does. */
  key: string;
  location: Location;
}

/** A contract as a group names it: what its entries carry as their contract, and its lower-case key. */
export interface GroupContract extends ContractReference {
  /** The namespace, or the reference as written when it did not resolve. */
  contract: string;
  key: string;
}

/**
 * A routing group: every contract it names at every address it lists. Its entries (`routing` of
 * the environment) are built from it when first asked for; the rules that look at every entry
 * walk the groups instead, so that a check of a million entries builds none of them.
 */
export interface RoutingGroup {
  connection: Connection;
  decl: s.RoutingGroupDecl;
  location: Location;
  contracts: (GroupContract & { url: string })[];
  addresses: AddressReference[];
  /** The addresses' numbers (src/resolve/address-ids.ts), in list order: what the rules over every entry walk. */
  addressIds: Int32Array;
}

/** An authorization group as resolved: a declaration with `consumers` becomes one group per consumer. */
export type SingleConsumerDecl = Omit<s.AuthorizationGroupDecl, 'consumer' | 'consumers'> & { consumer: string };

export interface AuthorizationGroup {
  connection: Connection;
  decl: SingleConsumerDecl;
  location: Location;
  contracts: GroupContract[];
  addresses: AddressReference[];
  addressIds: Int32Array;
}

/** One routing entry (vägval): (contract, logical address) -> producer's endpoint. */
export interface RoutingEntry {
  /** naturalKey(contract, logicalAddress) */
  key: string;
  /** The contract's namespace (or the reference as written, when it did not resolve). */
  contract: string;
  logicalAddress: string;
  producer: string;
  url: string;
  profile: string;
  validFrom?: string;
  validTo?: string;
  group: RoutingGroup;
  location: Location;
}

/** One consumer authorization (anropsbehörighet): (consumer, contract, logical address). */
export interface Authorization {
  /** naturalKey(consumer, contract, logicalAddress) */
  key: string;
  consumer: string;
  contract: string;
  logicalAddress: string;
  validFrom?: string;
  validTo?: string;
  group: AuthorizationGroup;
  location: Location;
}

export interface EnvironmentState {
  name: string;
  /** Absent when the folder has connection files but no environment.yaml (a schema finding says so). */
  environment?: s.EnvironmentDecl;
  /** Lines of environment.yaml, for findings about one of its settings (absent without the file). */
  environmentLocator?: Locator;
  location: Location;
  catalog: Catalog;
  installedContracts: ContractReference[];
  connections: Connection[];
  routingGroups: RoutingGroup[];
  authorizationGroups: AuthorizationGroup[];
  /** The groups' entries, in group order; built on first use (src/resolve/expand.ts). */
  routing: RoutingEntry[];
  authorizations: Authorization[];
  /** The catalog's suppressions and this environment's own. */
  suppressions: Suppression[];
  /** Load and schema problems of the shared catalog and of this environment's files. */
  diagnostics: Diagnostic[];
}

export interface RepositoryState {
  catalog: Catalog;
  environments: Map<string, EnvironmentState>;
}
