/**
 * What a group lists, one object per item: its logical addresses and the contracts it names. A large
 * catalog lists millions of them and something asks for the line of very few (a finding, an entry
 * that is exported or planned), so each finds its line when first asked, not when it is resolved.
 */
import type { Location } from '../model/diagnostics';
import type { AddressReference, GroupContract } from '../model/state';
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
