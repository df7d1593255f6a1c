/**
 * The one way a user's value (a name, an organisation, a file name, a finding's message, a reason)
 * enters a report. Reports are read by people and rendered by GitHub, so a value must never become
 * structure: in text, a line break would make a name look like a summary line; in Markdown, `<`
 * opens HTML (`</details>`, `<img>`), `@` notifies people, `#` and `|` make headings and cells.
 *
 * - `text`: control and invisible characters are written visibly (`\n`, `\u{1}`).
 * - `markdown`: that, then Markdown's and HTML's active characters as numeric character references,
 *   which both Markdown text and HTML blocks (`<summary>`) show literally; `@` is followed by a
 *   zero-width space so that no mention or team notification fires; a character that would start a
 *   list, quote or heading at the start of a line is encoded too.
 * - `code`: inside a code span nothing is active but the backtick (which would end it) and, in a
 *   table, the pipe (which GitHub splits cells on even there).
 */
import { visible } from '../model/characters';

export type Context = 'text' | 'markdown' | 'code';

const ACTIVE = /[&<>*_[\]#|~\\`@]/g;
/** What starts a list item (`- `, `+ `, `1. `) or an indented code block where a value begins a line. */
const LINE_START = /^(?:[-+]|\d{1,9}[.)])(?:\s|$)|^\s/;
const reference = (c: string) => `&#${c.charCodeAt(0)};`;

export function escape(value: string, context: Context): string {
  const shown = visible(value);
  if (context === 'text') return shown;
  if (context === 'code') return shown.replace(/`/g, "'").replace(/\|/g, '\\|');
  const encoded = shown.replace(ACTIVE, (c) => (c === '@' ? '&#64;&#8203;' : reference(c)));
  return LINE_START.test(encoded) ? reference(encoded[0]) + encoded.slice(1) : encoded;
}
