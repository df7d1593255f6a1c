/**
 * What the declarations list: a connection file's groups, the logical addresses and contracts each
 * group names, and the catalog's logical addresses. A large catalog lists millions of them and
 * something asks for the line of very few (a finding, an entry that is exported or planned), so each
 * finds its line when first asked, not when it is resolved; a plan then reads the positions of only
 * the files it reports on.
 *
 * Fields are declared (`declare`) and assigned in the constructor: class field definitions, which
 * TypeScript emits otherwise for this target, cost a define per field per object in this Node's V8,
 * and these objects are made by the million.
 */
import type { Location } from '../model/diagnostics';
import type { AddressReference, Connection, GroupContract, LogicalAddress, ServiceContract, ServiceDomain, System } from '../model/state';
import type { ContractDecl, ServiceDomainDecl, SystemDecl } from '../model/schemas';
import { naturalKey } from '../model/syntax';
import { contractNamespace } from './contracts';
import type { Locator, PathSegment } from '../load/locator';
import { addressIds } from './address-ids';

/**
 * Where an item is: the path of its list, shared by the list's items, and its own index or key
 * (none for a file's root).
 */
export abstract class Listed {
  private declare readonly lines: Locator;
  private declare readonly list: readonly PathSegment[];
  private declare readonly at?: PathSegment;
  private declare located?: Location;

  constructor(lines: Locator, list: readonly PathSegment[], at?: PathSegment) {
    this.lines = lines;
    this.list = list;
    this.at = at;
    this.located = undefined;
  }

  get location(): Location {
    return (this.located ??= this.lines.locate(this.at === undefined ? this.list : [...this.list, this.at]));
  }
}

const HSA_ID: PathSegment[] = [];

/** A system of the catalog (config/systems/), located at its HSA-id. */
export class CatalogSystem extends Listed implements System {
  declare readonly key: string;
  declare readonly hsaId: string;
  declare readonly decl: SystemDecl;
  declare readonly file: string;
  declare readonly locator: Locator;

  constructor(decl: SystemDecl, file: string, locator: Locator) {
    super(locator, HSA_ID, 'hsaId');
    this.key = naturalKey(decl.hsaId);
    this.hsaId = decl.hsaId;
    this.decl = decl;
    this.file = file;
    this.locator = locator;
  }
}

const ROOT: PathSegment[] = [];

/** A service domain of the catalog, located at its file's top. */
export class CatalogDomain extends Listed implements ServiceDomain {
  declare readonly domain: string;
  declare readonly decl: ServiceDomainDecl;

  constructor(decl: ServiceDomainDecl, locator: Locator) {
    super(locator, ROOT);
    this.domain = decl.domain;
    this.decl = decl;
  }
}

const CONTRACTS: PathSegment[] = ['contracts'];

/** A service contract of a domain, located at its item in the domain's `contracts`. */
export class CatalogContract extends Listed implements ServiceContract {
  declare readonly key: string;
  declare readonly namespace: string;
  declare readonly domain: string;
  declare readonly name: string;
  declare readonly major: number;
  declare readonly minor: number;
  declare readonly description?: string;

  constructor(domain: string, decl: ContractDecl, locator: Locator, at: number) {
    super(locator, CONTRACTS, at);
    this.namespace = contractNamespace(domain, decl);
    this.key = naturalKey(this.namespace);
    this.domain = domain;
    this.name = decl.name;
    this.major = decl.major;
    this.minor = decl.minor;
    this.description = decl.description;
  }
}

/** A logical address of the catalog (config/logical-addresses/), with its description. */
export class CatalogAddress extends Listed implements LogicalAddress {
  declare readonly key: string;
  declare readonly hsaId: string;
  declare readonly description: string;
  declare readonly parent?: string;

  constructor(decl: { hsaId: string; description: string; parent?: string }, locator: Locator, list: readonly PathSegment[], at: number) {
    super(locator, list, at);
    this.key = addressIds.keys[addressIds.of(decl.hsaId)];
    this.hsaId = decl.hsaId;
    this.description = decl.description;
    this.parent = decl.parent;
  }
}

/** A logical address as a group lists it; its key is the one string its number (address-ids.ts) stands for. */
export class ListedAddress extends Listed implements AddressReference {
  declare readonly logicalAddress: string;
  declare readonly key: string;

  constructor(logicalAddress: string, id: number, locator: Locator, list: readonly PathSegment[], at: number) {
    super(locator, list, at);
    this.logicalAddress = logicalAddress;
    this.key = addressIds.keys[id];
  }
}

/** A contract reference as resolved against the catalog: the same for every group that writes it the same way. */
export interface Resolution {
  namespace?: string;
  problem?: string;
  /** The namespace, or the reference as written when it did not resolve. */
  contract: string;
  key: string;
}

/** A contract as written in a group (or installed in an environment), resolved. */
export class ListedContract extends Listed implements GroupContract {
  declare readonly ref: string;
  declare readonly namespace?: string;
  declare readonly problem?: string;
  declare readonly contract: string;
  declare readonly key: string;

  constructor(ref: string, resolution: Resolution, locator: Locator, list: readonly PathSegment[], at: PathSegment) {
    super(locator, list, at);
    this.ref = ref;
    this.namespace = resolution.namespace;
    this.problem = resolution.problem;
    this.contract = resolution.contract;
    this.key = resolution.key;
  }
}

/** A contract of a routing group, with the producer's endpoint for it. */
export class RoutedContract extends ListedContract {
  declare readonly url: string;

  constructor(ref: string, resolution: Resolution, url: string, locator: Locator, list: readonly PathSegment[]) {
    super(ref, resolution, locator, list, ref);
    this.url = url;
  }
}

/**
 * A group's logical addresses: their numbers (address-ids.ts) at once, which is all the rules over
 * every entry need; the listed addresses themselves, with their lines, when something first asks
 * (a finding, an entry built for a plan or an export). Groups made from one `consumers:` list share it.
 */
export class AddressListing {
  declare readonly ids: Int32Array;
  private declare readonly written: readonly string[];
  private declare readonly locator: Locator;
  private declare readonly list: readonly PathSegment[];
  private declare listed?: AddressReference[];

  constructor(written: readonly string[], locator: Locator, list: readonly PathSegment[]) {
    this.written = written;
    this.locator = locator;
    this.list = list;
    this.listed = undefined;
    const ids = new Int32Array(written.length);
    for (let i = 0; i < written.length; i++) ids[i] = addressIds.of(written[i]);
    this.ids = ids;
  }

  get addresses(): AddressReference[] {
    return (this.listed ??= this.written.map((la, i) => new ListedAddress(la, this.ids[i], this.locator, this.list, i)));
  }
}

/** A group of a connection file: a routing group, or an authorization group (one per consumer it names). */
export class ListedGroup<D, C extends ListedContract> extends Listed {
  declare readonly connection: Connection;
  declare readonly decl: D;
  declare readonly contracts: C[];
  private declare readonly listing: AddressListing;

  constructor(connection: Connection, decl: D, contracts: C[], listing: AddressListing, list: readonly PathSegment[], at: number) {
    super(connection.locator, list, at);
    this.connection = connection;
    this.decl = decl;
    this.contracts = contracts;
    this.listing = listing;
  }

  get addressIds(): Int32Array {
    return this.listing.ids;
  }

  get addresses(): AddressReference[] {
    return this.listing.addresses;
  }
}
