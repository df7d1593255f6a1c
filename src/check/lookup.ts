/**
 * The platform's lookup order for a logical address: the address itself, its HSA parents (the
 * `parent` of the logical-address catalog) up to `SE`, then `*`. The consistency rules ask whether
 * a routing entry and an authorization can meet on a contract; every answer is a few Set lookups,
 * so a million entries stay linear.
 */
import type { Catalog } from '../model/state';
import { HSA_ROOT, WILDCARD_ADDRESS, naturalKey } from '../model/syntax';

const ROOT = HSA_ROOT.toLowerCase();

export class AddressTree {
  private chains = new Map<string, string[]>();

  constructor(private readonly catalog: Catalog) {}

  /** Lower-cased: the address, its parents, `se`, `*` (a cycle in the catalog ends the walk). */
  chain(logicalAddress: string): string[] {
    const key = logicalAddress.toLowerCase();
    let chain = this.chains.get(key);
    if (!chain) {
      chain = [key];
      const seen = new Set(chain);
      for (let p = this.parentOf(key); p && !seen.has(p); p = this.parentOf(p)) {
        const known = this.chains.get(p);
        if (known) {
          for (const k of known) if (!seen.has(k)) chain.push(k);
          break;
        }
        chain.push(p);
        seen.add(p);
      }
      if (!chain.includes(ROOT) && key !== WILDCARD_ADDRESS) chain.push(ROOT);
      if (!chain.includes(WILDCARD_ADDRESS)) chain.push(WILDCARD_ADDRESS);
      this.chains.set(key, chain);
    }
    return chain;
  }

  private parentOf(key: string): string | undefined {
    return this.catalog.logicalAddressIndex.get(key)?.parent?.toLowerCase();
  }
}

/** `*` and `SE` stand for every address: an entry on them meets any entry of the same contract. */
export function coversEverything(logicalAddress: string): boolean {
  const key = logicalAddress.toLowerCase();
  return key === WILDCARD_ADDRESS || key === ROOT;
}

/**
 * The (contract, logical address) pairs one side has entries on. `meets` is true when a call for
 * the other side's entry would find one of them: on the address, its parents, `SE` or `*`; or, since
 * an entry on a parent covers the units below it, on a unit below the address.
 */
export class Coverage {
  private pairs = new Set<string>();
  private contracts = new Set<string>();
  private below?: Set<string>;

  constructor(
    private readonly tree: AddressTree,
    private readonly entries: readonly { contract: string; logicalAddress: string }[],
  ) {
    for (const e of entries) {
      this.pairs.add(naturalKey(e.contract, e.logicalAddress));
      this.contracts.add(e.contract.toLowerCase());
    }
  }

  meets(contract: string, logicalAddress: string): boolean {
    if (!this.contracts.has(contract.toLowerCase())) return false;
    if (coversEverything(logicalAddress)) return true;
    for (const a of this.tree.chain(logicalAddress)) if (this.pairs.has(naturalKey(contract, a))) return true;
    return this.ancestors().has(naturalKey(contract, logicalAddress));
  }

  /** Every (contract, proper HSA parent) of an entry, built once and only when first needed. */
  private ancestors(): Set<string> {
    if (!this.below) {
      this.below = new Set();
      for (const e of this.entries) {
        for (const a of this.tree.chain(e.logicalAddress).slice(1)) {
          if (!coversEverything(a)) this.below.add(naturalKey(e.contract, a));
        }
      }
    }
    return this.below;
  }
}
