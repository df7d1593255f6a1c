/**
 * What the declarations list: a connection file's groups, the logical addresses and contracts each
 * group names, and the catalog's logical addresses. A large catalog lists millions of them and something asks for the line of very few (a
 * finding, an entry that is exported or planned), so each finds its line when first asked, not when
 * it is resolved; a plan then reads the positions of only the files it reports on.
 */
import type { Location } from '../model/diagnostics';
import type { RoutingGroupDecl } from '../model/schemas';
import type { AddressReference, AuthorizationGroup, Connection, GroupContract, LogicalAddress, RoutingGroup, SingleConsumerDecl } from '../model/state';
import type { Locator, PathSegment } from '../load/locator';

/** Where an item is: the path of its list, shared by the list's items, and its own index or key. */
abstract class Listed {
  private located?: Location;

  constructor(
    private readonly locator: Locator,
    private readonly list: readonly PathSegment[],
    private readonly at: PathSegment,
  ) {}

  get location(): Location {
    return (this.located ??= this.locator.locate([...this.list, this.at]));
  }
}

/** A logical address of the catalog (config/logical-addresses/), with its description. */
export class CatalogAddress extends Listed implements LogicalAddress {
  readonly key: string;
  readonly hsaId: string;
  readonly description: string;
  readonly parent?: string;

  constructor(decl: { hsaId: string; description: string; parent?: string }, locator: Locator, list: readonly PathSegment[], at: number) {
    super(locator, list, at);
    this.key = decl.hsaId.toLowerCase();
    this.hsaId = decl.hsaId;
    this.description = decl.description;
    this.parent = decl.parent;
  }
}

/** A logical address as a group lists it. */
export class ListedAddress extends Listed implements AddressReference {
  readonly key: string;

  constructor(
    readonly logicalAddress: string,
    locator: Locator,
    list: readonly PathSegment[],
    at: number,
  ) {
    super(locator, list, at);
    this.key = logicalAddress.toLowerCase();
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
  readonly namespace?: string;
  readonly problem?: string;
  readonly contract: string;
  readonly key: string;

  constructor(
    readonly ref: string,
    resolution: Resolution,
    locator: Locator,
    list: readonly PathSegment[],
    at: PathSegment,
  ) {
    super(locator, list, at);
    this.namespace = resolution.namespace;
    this.problem = resolution.problem;
    this.contract = resolution.contract;
    this.key = resolution.key;
  }
}

/** A contract of a routing group, with the producer's endpoint for it. */
export class RoutedContract extends ListedContract {
  constructor(
    ref: string,
    resolution: Resolution,
    readonly url: string,
    locator: Locator,
    list: readonly PathSegment[],
  ) {
    super(ref, resolution, locator, list, ref);
  }
}

/** A routing group of a connection file. */
export class ListedRoutingGroup extends Listed implements RoutingGroup {
  constructor(
    readonly connection: Connection,
    readonly decl: RoutingGroupDecl,
    readonly contracts: RoutedContract[],
    readonly addresses: AddressReference[],
    list: readonly PathSegment[],
    at: number,
  ) {
    super(connection.locator, list, at);
  }
}

/** An authorization group of a connection file: one per consumer it names. */
export class ListedAuthorizationGroup extends Listed implements AuthorizationGroup {
  constructor(
    readonly connection: Connection,
    readonly decl: SingleConsumerDecl,
    readonly contracts: ListedContract[],
    readonly addresses: AddressReference[],
    list: readonly PathSegment[],
    at: number,
  ) {
    super(connection.locator, list, at);
  }
}
