/**
 * The change set: what a pull request changes in one environment, as plain data (so that it can be
 * written as JSON), in the words of the domain. Entities are matched by natural key, so moving or
 * splitting files changes nothing; locations are those of the head (or of the base for removals).
 */
import type { Location } from '../model/diagnostics';
import type { ContractRow, NamedRow } from '../formats/tak/tables';
import type { GovernanceChange } from './governance';

export interface Validity {
  validFrom?: string;
  validTo?: string;
}

/** One routing entry (vägval). */
export interface RoutingItem extends Validity {
  key: string;
  contract: string;
  logicalAddress: string;
  producer: string;
  profile: string;
  url: string;
  location: Location;
}

/** One consumer authorization (anropsbehörighet). */
export interface AuthorizationItem extends Validity {
  key: string;
  consumer: string;
  contract: string;
  logicalAddress: string;
  location: Location;
}

export type RoutingField = 'url' | 'profile' | 'producer' | 'validity';

export interface Changed<T, F extends string> {
  key: string;
  before: T;
  after: T;
  fields: F[];
}

export interface SystemItem {
  hsaId: string;
  name: string;
  organisation: string;
  deactivated?: string;
  location: Location;
}

export interface CertificateItem {
  system: string;
  file: string;
  /** SHA-256 fingerprint of the certificate (of the file, when it is not a readable certificate). */
  fingerprint: string;
  subject?: string;
  validTo?: string;
}

export interface NetworkPresence {
  endpoints: { host: string; port: number; addresses: string[] }[];
  sourceAddresses: string[];
}

export interface ContractItem {
  namespace: string;
  /** `GetForms:2`, as a reviewer reads it. */
  name: string;
}

export interface EnvironmentChanges {
  env: string;
  /** `added`/`removed`: the whole environment exists only at the head / only at the base. */
  presence: 'both' | 'added' | 'removed';
  /**
   * Files of the head that could not be read or parsed: nothing declared in them at the base counts
   * as removed, and no order is written for the environment. (The diff always fills it and
   * `governance`; a change set made by hand may leave them out.)
   */
  unreadable?: string[];
  /** Changes to what is trusted or enforced, reported first. */
  governance?: GovernanceChange[];
  /** The platform id orders for this environment are addressed to (environment.yaml). */
  platform?: string;
  routing: { added: RoutingItem[]; removed: RoutingItem[]; changed: Changed<RoutingItem, RoutingField>[] };
  authorizations: { added: AuthorizationItem[]; removed: AuthorizationItem[]; changed: Changed<AuthorizationItem, 'validity'>[] };
  systems: {
    added: SystemItem[];
    removed: SystemItem[];
    deactivated: SystemItem[];
    changed: Changed<SystemItem, string>[];
  };
  certificates: {
    added: CertificateItem[];
    removed: CertificateItem[];
    /** A system's certificates replaced by others. */
    rotated: { system: string; before: CertificateItem[]; after: CertificateItem[] }[];
  };
  contracts: { installed: ContractItem[]; removed: ContractItem[] };
  network: { system: string; before: NetworkPresence; after: NetworkPresence }[];
  /**
   * Systems, logical addresses and contracts the head uses (or installs) here and the base did not:
   * the order creates them in the catalog, with their descriptions.
   */
  newObjects: { components: NamedRow[]; logicalAddresses: NamedRow[]; contracts: ContractRow[] };
  /**
   * The name of each system the change names, by upper-case HSA-id, so that reports can say who
   * `SE5565594230-B9P` is: from the head's catalog, the base's for systems only the base has.
   * (The diff always fills it; a change set made by hand may leave it out.)
   */
  systemNames?: Record<string, string>;
}
