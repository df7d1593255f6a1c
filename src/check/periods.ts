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

/**
 * Finds the pairs of items that share a key and whose periods overlap. The first pass only asks a
 * Set whether each key is new (one hash lookup per item: this runs over every routing entry and
 * authorization); only the keys seen twice are then grouped and compared, so the cost is linear.
 */
export function overlappingDuplicates<T extends Period & { key: string }>(items: readonly T[]): [T, T][] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    const size = seen.size;
    seen.add(item.key);
    if (seen.size === size) repeated.add(item.key);
  }
  if (repeated.size === 0) return [];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (!repeated.has(item.key)) continue;
    const list = groups.get(item.key);
    if (list) list.push(item);
    else groups.set(item.key, [item]);
  }
  const pairs: [T, T][] = [];
  for (const list of groups.values()) {
    for (let i = 1; i < list.length; i++) {
      const earlier = list.slice(0, i).find((other) => overlaps(other, list[i]));
      if (earlier) pairs.push([earlier, list[i]]);
    }
  }
  return pairs;
}
