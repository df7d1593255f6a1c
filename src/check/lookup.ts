/**
 * The platform's lookup order for a logical address: the address itself, its HSA parents (the
 * `parent` of the logical-address catalog) up to `SE`, then `*`. The consistency rules ask whether
 * a routing entry and an authorization can meet on a contract; they ask by address number
 * (src/resolve/address-ids.ts), so every answer is a few array accesses along memoized chains and
 * a million entries stay linear and allocate little.
 */
import type { Catalog } from '../model/state';
import { HSA_ROOT, WILDCARD_ADDRESS } from '../model/syntax';
import { addressIds } from '../resolve/address-ids';
import { activeOn } from './periods';
import { pairsByKey, type Cell, type NumberedGroup } from './pairs';

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

const contractKey = (_: NumberedGroup, contract: { key: string }) => contract.key;

/**
 * The entries of `groups` (every contract at every address) that no entry of `covering` meets on
 * their contract: a call for the entry would find none of the other side's on the address, its
 * parents, `SE` or `*`, nor, since an entry on a parent covers the units below it, on a unit below
 * the address. One contract at a time, the covering side's addresses for it are marked in an array
 * indexed by address number, so an entry costs an array access or two. In group order.
 */
export function unmet<G extends NumberedGroup>(groups: readonly G[], covering: readonly NumberedGroup[], tree: AddressTree): Cell<G>[] {
  const cover = pairsByKey(covering, contractKey);
  const marked = new Int32Array(addressIds.size);
  const found: number[] = [];
  let mark = 0;
  for (const [contract, pairs] of pairsByKey(groups, contractKey)) {
    const coverPairs = cover.get(contract);
    mark++;
    if (coverPairs) markAddresses(covering, coverPairs, marked, mark);
    let below: Set<number> | undefined;
    const meets = (id: number) => {
      if (marked[id] === mark || id === WILDCARD || id === ROOT) return true;
      const chain = tree.chainOf(id);
      for (let i = 0; i < chain.length; i++) if (marked[chain[i]] === mark) return true;
      return (below ??= parentsOf(covering, coverPairs!, tree)).has(id);
    };
    for (let p = 0; p < pairs.length; p += 2) {
      const ids = groups[pairs[p]].addressIds;
      for (let a = 0; a < ids.length; a++) if (!coverPairs || !meets(ids[a])) found.push(pairs[p], pairs[p + 1], a);
    }
  }
  return inGroupOrder(found).map(([g, c, a]) => ({ group: groups[g], contract: groups[g].contracts[c], address: groups[g].addresses[a] }));
}

/** Marks the addresses of the pairs' groups. Indexed loops: for-of allocates per step in a function not yet optimized. */
function markAddresses(groups: readonly NumberedGroup[], pairs: number[], marked: Int32Array, mark: number): void {
  for (let p = 0; p < pairs.length; p += 2) {
    const ids = groups[pairs[p]].addressIds;
    for (let a = 0; a < ids.length; a++) marked[ids[a]] = mark;
  }
}

/** Every proper HSA parent of an address of the pairs' groups: a unit below one of them is covered. */
function parentsOf(groups: readonly NumberedGroup[], pairs: number[], tree: AddressTree): Set<number> {
  const parents = new Set<number>();
  for (let p = 0; p < pairs.length; p += 2) {
    for (const la of groups[pairs[p]].addressIds) {
      for (const a of tree.chainOf(la)) if (a !== la && a !== ROOT && a !== WILDCARD) parents.add(a);
    }
  }
  return parents;
}

/** Flat (group, contract, address) index triples, as triples sorted by group, then contract, then address. */
function inGroupOrder(flat: number[]): [number, number, number][] {
  const triples: [number, number, number][] = [];
  for (let i = 0; i < flat.length; i += 3) triples.push([flat[i], flat[i + 1], flat[i + 2]]);
  return triples.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
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
