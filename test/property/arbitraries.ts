/**
 * Generators of the values real catalogs hold: white space at the ends and inside, newlines and tabs,
 * Unicode line separators, quotes, YAML indicators and special words, numbers with leading zeros,
 * other scripts, and very long values. Tests draw catalogs from them with a fixed seed.
 */
import fc from 'fast-check';

/** Pieces that each trip up a naive writer or reader of YAML (or of a trimming schema). */
const TRICKY = [
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\u00a0', '\u200b', '\ufeff',
  '#', ' #', ': ', ':', '- ', '? ', '"', "'", '\\', '`', '|', '>', '[', ']', '{', '}', ',', '&a', '*a', '!tag', '!!str', '%', '@',
  'yes', 'no', 'null', '~', 'on', 'off', 'true', 'False', 'NULL', '.inf', '.NaN', '0x1F', '1e3', '007', '01', '5565594230', '2026-01-01',
  'å', 'ä', 'ö', 'Å', 'Ö', 'ÿ', 'ß', 'Ω', 'ж', 'ع', '漢字', 'ー', '😀', 'e\u0301',
  '---', '...', '<<',
];
const WORDS = ['SE2321000016', '-', 'A1B2', 'urn', 'riv', 'https', '://', 'x.example.se', '/', 'Vårdcentral', 'GetForms', 'Responder'];

/** A non-empty string of tricky pieces and ordinary words, now and then very long. */
export const trickyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...TRICKY, ...WORDS), { minLength: 1, maxLength: 6 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TRICKY), fc.integer({ min: 200, max: 250 })).map(([p, n]) => `x${p}`.repeat(n).slice(0, n)) },
);

/** Tricky text without white space (as the platform's filter service domain must be). */
export const trickyToken = trickyText.map((s) => s.replace(/\s/gu, '') || 'x');

/** Tricky text without white space at its ends (as the platform requires of some fields). */
export const trickyTrimmed = trickyText.map((s) => s.trim() || 'x');

/** `n` values whose natural keys (lower case) differ: the catalog holds each such key once. */
export function distinct(value: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(value, { minLength: min, maxLength: max, selector: (s) => s.toLowerCase() });
}
