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

export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Finds the pairs of items that share a key and whose periods overlap, in one pass: only keys
 * seen more than once are compared, so the cost is linear in the number of entries.
 */
export function overlappingDuplicates<T extends Period & { key: string }>(items: Iterable<T>): [T, T][] {
  const first = new Map<string, T>();
  const repeated = new Map<string, T[]>();
  for (const item of items) {
    const seen = first.get(item.key);
    if (!seen) first.set(item.key, item);
    else {
      const list = repeated.get(item.key);
      if (list) list.push(item);
      else repeated.set(item.key, [seen, item]);
    }
  }
  const pairs: [T, T][] = [];
  for (const list of repeated.values()) {
    for (let i = 1; i < list.length; i++) {
      const earlier = list.slice(0, i).find((other) => overlaps(other, list[i]));
      if (earlier) pairs.push([earlier, list[i]]);
    }
  }
  return pairs;
}
