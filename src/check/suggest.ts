/** "Did you mean": the declared names nearest to an unknown one (edit distance, case-insensitive). */
import { distance } from 'fastest-levenshtein';

/**
 * Up to `max` candidates, nearest first; by default only those within a third of the name's length
 * (at least 1 edit), so that a finding suggests only what is plausibly meant. A flag that must name
 * something declared passes `anyDistance` to always show the nearest.
 */
export function nearest(name: string, candidates: Iterable<string>, max = 3, anyDistance = false): string[] {
  const lower = name.toLowerCase();
  const limit = anyDistance ? Infinity : Math.max(1, Math.floor(lower.length / 3));
  const found: [string, number][] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = c.toLowerCase();
    if (seen.has(key) || Math.abs(key.length - lower.length) > limit) continue;
    seen.add(key);
    const d = distance(lower, key);
    if (d <= limit) found.push([c, d]);
  }
  return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([c]) => c);
}

/** `; did you mean A or B?`, or nothing when no declared name is near. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const names = nearest(name, candidates);
  return names.length === 0 ? '' : `; did you mean ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names[names.length - 1]}?`;
}
