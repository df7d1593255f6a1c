import { stockholmDay } from '../model/days';
import { addressIds } from '../resolve/address-ids';
import { pairsByKey, type Cell, type NumberedGroup } from './pairs';

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

/** A group as the duplicate check sees it: a numbered group with one period. */
export interface KeyedGroup extends NumberedGroup {
  decl: Period;
}

/**
 * Finds the entries that share their key with an earlier entry of overlapping period, walking the
 * groups (contract × address each) without building the entries. The key of an entry is
 * `scope(group, contract)` with its address. One scope at a time (pairs.ts), arrays indexed by
 * address number say whether the scope has seen the address and where first, so the cost is a few
 * array accesses per entry. Only a
 * repeated key gets a list of cells; each repeat is paired with the earliest earlier cell whose
 * period overlaps its own.
 */
export function overlappingDuplicates<G extends KeyedGroup>(groups: readonly G[], scope: (group: G, contract: G['contracts'][number]) => string): [Cell<G>, Cell<G>][] {
  const pairs: [Cell<G>, Cell<G>][] = [];
  const seenIn = new Int32Array(addressIds.size);
  const firstPair = new Int32Array(addressIds.size);
  const firstIndex = new Int32Array(addressIds.size);
  let scopeNumber = 0;
  for (const list of pairsByKey(groups, scope).values()) {
    scopeNumber++;
    let repeated: Map<number, Cell<G>[]> | undefined;
    for (let p = 0; p < list.length; p += 2) {
      const group = groups[list[p]];
      const ids = group.addressIds;
      for (let a = 0; a < ids.length; a++) {
        const id = ids[a];
        if (seenIn[id] !== scopeNumber) {
          seenIn[id] = scopeNumber;
          firstPair[id] = p;
          firstIndex[id] = a;
          continue;
        }
        repeated ??= new Map();
        let earlier = repeated.get(id);
        if (!earlier) repeated.set(id, (earlier = [cellOf(groups, list, firstPair[id], firstIndex[id])]));
        const cell = cellOf(groups, list, p, a);
        const hit = earlier.find((other) => overlaps(other.group.decl, group.decl));
        if (hit) pairs.push([hit, cell]);
        earlier.push(cell);
      }
    }
  }
  return pairs;
}

/** The cell of the pair at `p` of a scope's list, at the group's `a`-th address. */
function cellOf<G extends KeyedGroup>(groups: readonly G[], list: number[], p: number, a: number): Cell<G> {
  const group = groups[list[p]];
  return { group, contract: group.contracts[list[p + 1]], address: group.addresses[a] };
}
