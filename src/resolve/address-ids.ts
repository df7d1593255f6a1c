/**
 * Logical addresses numbered by their lower-case form (the platform matches them case-insensitively).
 * The rules that look at every entry, a million in a large catalog, then index typed arrays and
 * compare small integers where they would hash and compare strings; and every listing of an address
 * shares one key string instead of holding a lower-cased copy of its own.
 *
 * One numbering for the process: the two sides of a plan share groups that did not change, and their
 * numbers must mean the same on both sides. It only grows, by the distinct addresses a run meets.
 */
export class AddressIds {
  private readonly byKey = new Map<string, number>();
  /** Numbers by the address as written: most are listed many times, and then need no lower-case copy to be looked up. */
  private readonly byWritten = new Map<string, number>();
  /** The lower-case address of each number. */
  readonly keys: string[] = [];

  /** The number of an address as written. */
  of(logicalAddress: string): number {
    let id = this.byWritten.get(logicalAddress);
    if (id === undefined) this.byWritten.set(logicalAddress, (id = this.ofKey(logicalAddress.toLowerCase())));
    return id;
  }

  /** The number of an address already in lower case, given a new one when first met. */
  ofKey(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.byKey.set(key, id);
    }
    return id;
  }

  /** How many addresses are numbered: every number is below it, so it sizes an array indexed by them. */
  get size(): number {
    return this.keys.length;
  }
}

export const addressIds = new AddressIds();
