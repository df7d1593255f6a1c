/**
 * Which characters a value may hold, per carrier: a one-line declaration value (names, HSA-ids,
 * URLs), prose (descriptions, reasons: line breaks allowed), and XML 1.0 (the VP cache). Reports,
 * CODEOWNERS, manifests and XML all break on some of them; the schema refuses them at the value and
 * each writer refuses what its format cannot carry, whatever a suppression says.
 */
export type Carrier = 'line' | 'prose' | 'xml';

/** Lone surrogates: half a character, which no UTF-8 output can carry. */
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
/**
 * Controls (C0, DEL, C1), line and paragraph separators, bidirectional embeddings and isolates
 * (they reorder what a reviewer sees), byte order marks and non-characters.
 */
const INVISIBLE = '\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff\\ufffe\\uffff';

const FORBIDDEN: Record<Carrier, RegExp> = {
  line: new RegExp(`[\\u0000-\\u001f${INVISIBLE}]|${LONE_SURROGATE}`, 'g'),
  prose: new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${INVISIBLE}]|${LONE_SURROGATE}`, 'g'),
  // XML 1.0's Char production: tab, LF, CR, and everything from U+0020 but surrogates, U+FFFE and U+FFFF.
  xml: new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|${LONE_SURROGATE}`, 'g'),
};

/** `U+000B`, as a message names a character that cannot be shown. */
export const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `value` that `carrier` cannot hold, as `U+XXXX`, or undefined. */
export function forbiddenCharacter(value: string, carrier: Carrier): string | undefined {
  const pattern = FORBIDDEN[carrier];
  pattern.lastIndex = 0;
  const m = pattern.exec(value);
  return m ? codePoint(m[0]) : undefined;
}

/** `value` with every character a one-line value cannot hold written visibly (`\n`, `\u{1}`). */
export function visible(value: string): string {
  const pattern = FORBIDDEN.line;
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return value;
  return value.replace(pattern, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u{${c.charCodeAt(0).toString(16)}}`));
}
