/**
 * Values by a pair of keys (a system's and a contract's, both lower case), without joining each pair
 * into a string of its own: the rules that pair every group's system with each of its contracts
 * would make and hash a new string per pair, tens of thousands in a large catalog, where the keys
 * themselves are strings the groups already hold.
 */
export class PairMap<T> {
  private readonly byFirst = new Map<string, Map<string, T>>();

  set(first: string, second: string, value: T): void {
    let inner = this.byFirst.get(first);
    if (!inner) this.byFirst.set(first, (inner = new Map()));
    inner.set(second, value);
  }

  get(first: string, second: string): T | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  has(first: string, second: string): boolean {
    return this.byFirst.get(first)?.has(second) ?? false;
  }
}
