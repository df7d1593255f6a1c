/**
 * The platform's lookup order for a logical address: the address itself, its HSA parents (the
 * `parent` of the logical-address catalog) up to `SE`, then `*`. The consistency rules ask whether
 * a routing entry and an authorization can meet on a contract; they ask by address number
 * (src/resolve/address-ids.ts), so every answer is a few integer Set lookups on memoized chains and
 * a million entries stay linear and allocate little.
 */
import type { Catalog } from '../model/state';
import { HSA_ROOT, WILDCARD_ADDRESS } from '../model/syntax';
import { addressIds } from '../resolve/address-ids';
import { activeOn } from './periods';

const ROOT = addressIds.of(HSA_ROOT);
const WILDCARD = addressIds.ofKey(WILDCARD_ADDRESS);

/** `*` and `SE` stand for every address: an entry on them meets any entry of the same contract. `id`: the address's number. */
export function coversEverything(id: number): boolean {
  return id === WILDCARD || id === ROOT;
}

export class AddressTree {
  private chains = new Map<number, readonly number[]>();
  private lowered = new Map<string, string>();

  constructor(private readonly catalog: Catalog) {}

  /** The lower-case form, computed once per distinct string (keys match case-insensitively). */
  lower(value: string): string {
    let key = this.lowered.get(value);
    if (key === undefined) {
      key = value.toLowerCase();
      this.lowered.set(value, key);
    }
    return key;
  }

  /** For a lower-case address: itself, its parents, `se`, `*` (a cycle in the catalog ends the walk). */
  chain(key: string): string[] {
    return this.chainOf(addressIds.ofKey(key)).map((id) => addressIds.keys[id]);
  }

  /** `chain`, by address number. */
  chainOf(id: number): readonly number[] {
    let chain = this.chains.get(id);
    if (!chain) {
      const walked = [id];
      for (let p = this.parentOf(id); p !== undefined && !walked.includes(p); p = this.parentOf(p)) {
        const known = this.chains.get(p);
        if (known) {
          for (const k of known) if (!walked.includes(k)) walked.push(k);
          break;
        }
        walked.push(p);
      }
      if (!walked.includes(ROOT) && id !== WILDCARD) walked.push(ROOT);
      if (!walked.includes(WILDCARD)) walked.push(WILDCARD);
      this.chains.set(id, (chain = walked));
    }
    return chain;
  }

  private parentOf(id: number): number | undefined {
    const parent = this.catalog.logicalAddressIndex.get(addressIds.keys[id])?.parent;
    return parent === undefined ? undefined : addressIds.of(parent);
  }
}

/** What coverage needs of a group: the lower-case keys of its contracts, and its addresses with their numbers. */
export interface CoveringGroup {
  contracts: readonly { key: string }[];
  addresses: readonly unknown[];
  addressIds: Int32Array;
}

/**
 * The (contract, logical address) pairs one side's groups have entries on. `meets` is true when a
 * call for the other side's entry would find one of them: on the address, its parents, `SE` or
 * `*`; or, since an entry on a parent covers the units below it, on a unit below the address.
 * Contracts are lower-case keys, as the groups hold them; addresses are numbers.
 */
export class Coverage {
  private byContract = new Map<string, Set<number>>();
  /** Per contract, every proper HSA parent of an entry's address; built only when first needed. */
  private below = new Map<string, Set<number>>();

  constructor(
    private readonly tree: AddressTree,
    groups: readonly CoveringGroup[],
  ) {
    // Indexed loops: this runs once per environment, mostly before it is optimized, where for-of allocates per step.
    for (let g = 0; g < groups.length; g++) {
      const { contracts, addressIds: ids } = groups[g];
      for (let c = 0; c < contracts.length; c++) {
        let addresses = this.byContract.get(contracts[c].key);
        if (!addresses) this.byContract.set(contracts[c].key, (addresses = new Set()));
        for (let a = 0; a < ids.length; a++) addresses.add(ids[a]);
      }
    }
  }

  /** Whether an entry for this contract at this address (both lower case) meets one of the side's. */
  meets(contract: string, logicalAddress: string): boolean {
    return this.meetsAmong(contract, this.addressesOf(contract), addressIds.ofKey(logicalAddress));
  }

  /** The addresses the side has entries on for a contract: looked up once for a walk over a group's addresses. */
  addressesOf(contract: string): ReadonlySet<number> | undefined {
    return this.byContract.get(contract);
  }

  /** `meets`, given what `addressesOf(contract)` gave and the address's number. */
  meetsAmong(contract: string, addresses: ReadonlySet<number> | undefined, id: number): boolean {
    if (!addresses) return false;
    if (addresses.has(id) || id === WILDCARD || id === ROOT) return true;
    const chain = this.tree.chainOf(id);
    for (let i = 0; i < chain.length; i++) if (addresses.has(chain[i])) return true;
    return this.parentsOf(contract, addresses).has(id);
  }

  private parentsOf(contract: string, addresses: ReadonlySet<number>): Set<number> {
    let parents = this.below.get(contract);
    if (!parents) {
      parents = new Set();
      for (const la of addresses) {
        for (const a of this.tree.chainOf(la)) if (a !== la && a !== ROOT && a !== WILDCARD) parents.add(a);
      }
      this.below.set(contract, parents);
    }
    return parents;
  }
}

/** An entry of a group that a coverage does not meet, as the group, contract and address it pairs. */
export interface Unmet<G extends CoveringGroup> {
  group: G;
  contract: G['contracts'][number];
  address: G['addresses'][number];
}

/** The entries of the groups (every contract at every address) that `coverage` does not meet. */
export function unmet<G extends CoveringGroup>(groups: readonly G[], coverage: Coverage): Unmet<G>[] {
  const out: Unmet<G>[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const ids = group.addressIds;
    for (let c = 0; c < group.contracts.length; c++) {
      const contract = group.contracts[c];
      const addresses = coverage.addressesOf(contract.key);
      for (let a = 0; a < ids.length; a++) {
        if (!coverage.meetsAmong(contract.key, addresses, ids[a])) out.push({ group, contract, address: group.addresses[a] });
      }
    }
  }
  return out;
}

/** What a lookup needs of a routing entry or an authorization: its keys and its validity. */
export interface Keyed {
  contract: string;
  logicalAddress: string;
  validFrom?: string;
  validTo?: string;
}

/** The step of the lookup order that answered: the address it looked at and the entries valid there. */
export interface LookupStep<T> {
  /** The address as the walk met it (lower case): the called one, an HSA parent, `se` or `*`. */
  address: string;
  entries: T[];
}

/**
 * One call as the platform's VP resolves it: for routing (contract, receiver) and for authorization
 * (sender, contract, receiver), try the address, then each HSA parent up to `SE`, then `*`, and stop
 * at the first step that has entries valid on the day. Both walks use the chain of `AddressTree`, the
 * one the consistency rules use, so `tak explain` and the rules cannot disagree on the lookup order.
 */
export class CallLookup<R extends Keyed, A extends Keyed & { consumer: string }> {
  private routingIndex = new Map<string, R[]>();
  private authorizationIndex = new Map<string, A[]>();

  constructor(
    private readonly tree: AddressTree,
    routing: readonly R[],
    authorizations: readonly A[],
  ) {
    for (const r of routing) push(this.routingIndex, this.key(r.contract, r.logicalAddress), r);
    for (const a of authorizations) push(this.authorizationIndex, this.key(a.consumer, a.contract, a.logicalAddress), a);
  }

  /** The routing the VP finds (none: VP004; more than one: VP006). */
  route(contract: string, logicalAddress: string, day: string): LookupStep<R> | undefined {
    return this.walk(logicalAddress, day, (address) => this.routingIndex.get(this.key(contract, address)));
  }

  /** The authorizations that allow the call (none: VP007). */
  authorize(consumer: string, contract: string, logicalAddress: string, day: string): LookupStep<A> | undefined {
    return this.walk(logicalAddress, day, (address) => this.authorizationIndex.get(this.key(consumer, contract, address)));
  }

  private walk<T extends Keyed>(logicalAddress: string, day: string, at: (address: string) => T[] | undefined): LookupStep<T> | undefined {
    for (const address of this.tree.chain(this.tree.lower(logicalAddress))) {
      const entries = (at(address) ?? []).filter((e) => activeOn(e, day));
      if (entries.length) return { address, entries };
    }
    return undefined;
  }

  private key(...parts: string[]): string {
    return parts.map((p) => this.tree.lower(p)).join('|');
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
