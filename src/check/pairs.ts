/** A group as the rules over every entry see it: lower-case keys for its contracts, its addresses and their numbers. */
export interface NumberedGroup {
  contracts: readonly { key: string }[];
  addresses: readonly unknown[];
  /** The addresses' numbers (src/resolve/address-ids.ts), in list order. */
  addressIds: Int32Array;
}

/** One entry of a group: the contract and the address it pairs. */
export interface Cell<G extends NumberedGroup> {
  group: G;
  contract: G['contracts'][number];
  address: G['addresses'][number];
}

/**
 * A side's group-contract pairs by a key of the pair (its contract, or its consumer and contract), as
 * indexes [group, contract, group, contract, ...] in group order. The rules over every entry take one
 * key at a time and walk the address numbers of its pairs, marking them in an array indexed by number
 * that the next key reuses: a few array accesses per entry where a Map or Set per key would hash each.
 */
export function pairsByKey<G extends { contracts: readonly unknown[] }>(groups: readonly G[], keyOf: (group: G, contract: G['contracts'][number]) => string): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (let g = 0; g < groups.length; g++) {
    const { contracts } = groups[g];
    for (let c = 0; c < contracts.length; c++) {
      const key = keyOf(groups[g], contracts[c]);
      const pairs = byKey.get(key);
      if (pairs) pairs.push(g, c);
      else byKey.set(key, [g, c]);
    }
  }
  return byKey;
}
