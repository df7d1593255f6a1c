import { stockholmDay } from '../model/days';

/** A validity period in whole days; an open end is unbounded, as the catalog's +100 years is in practice. */
export interface Period {
  validFrom?: string;
  validTo?: string;
}

/** Inclusive overlap, as the catalog checks it: `!(a.to < b.from) && !(a.from > b.to)`. */
export function overlaps(a: Period, b: Period): boolean {
  const aFrom = a.validFrom ?? '0000-00-00';
  const aTo = a.validTo ?? '9999-99-99';
  const bFrom = b.validFrom ?? '0000-00-00';
  const bTo = b.validTo ?? '9999-99-99';
  return !(aTo < bFrom) && !(aFrom > bTo);
}

/** Whether a period includes the given day (YYYY-MM-DD). */
export function activeOn(p: Period, day: string): boolean {
  return (p.validFrom ?? '0000-00-00') <= day && day <= (p.validTo ?? '9999-99-99');
}

/** Today as the platform counts days (YYYY-MM-DD in Stockholm), so that a run at 23:30 UTC judges by the Swedish day. */
export function isoDay(now: Date): string {
  return stockholmDay(now);
}

/** A group as the duplicate check sees it: one period, and lower-case keys for its contracts and addresses. */
export interface KeyedGroup {
  decl: Period;
  contracts: readonly { key: string }[];
  addresses: readonly { key: string }[];
}

/** One entry of a group: the contract and the address it pairs. */
export interface Cell<G extends KeyedGroup> {
  group: G;
  contract: G['contracts'][number];
  address: G['addresses'][number];
}

/**
 * Finds the entries that share their key with an earlier entry of overlapping period, walking the
 * groups (contract × address each) without building the entries. The key of an entry is
 * `scope(group, contract)` with its address; each scope has one Map by address, holding the group
 * that first had the key, so the cost is one hash lookup per entry. Only a repeated key gets a list
 * of cells; each repeat is paired with the earliest earlier cell whose period overlaps its own.
 */
export function overlappingDuplicates<G extends KeyedGroup>(groups: readonly G[], scope: (group: G, contract: G['contracts'][number]) => string): [Cell<G>, Cell<G>][] {
  const scopes = new Map<string, Map<string, G | Cell<G>[]>>();
  const pairs: [Cell<G>, Cell<G>][] = [];
  // Indexed loops: a rule runs once per environment, mostly before it is optimized, where for-of allocates per step.
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const { contracts, addresses } = group;
    for (let c = 0; c < contracts.length; c++) {
      const contract = contracts[c];
      const key = scope(group, contract);
      let byAddress = scopes.get(key);
      if (!byAddress) scopes.set(key, (byAddress = new Map()));
      for (let a = 0; a < addresses.length; a++) {
        const address = addresses[a];
        const seen = byAddress.get(address.key);
        if (seen === undefined) {
          byAddress.set(address.key, group);
          continue;
        }
        const earlier = Array.isArray(seen) ? seen : [firstCell(seen, key, address.key, scope)];
        if (earlier !== seen) byAddress.set(address.key, earlier);
        const cell: Cell<G> = { group, contract, address };
        const hit = earlier.find((other) => overlaps(other.group.decl, group.decl));
        if (hit) pairs.push([hit, cell]);
        earlier.push(cell);
      }
    }
  }
  return pairs;
}

/** The first cell of `group` with this scope and address (the one that put the group in the Map). */
function firstCell<G extends KeyedGroup>(group: G, key: string, address: string, scope: (group: G, contract: G['contracts'][number]) => string): Cell<G> {
  return {
    group,
    contract: group.contracts.find((c) => scope(group, c) === key)!,
    address: group.addresses.find((a) => a.key === address)!,
  };
}
