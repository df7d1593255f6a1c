/** Where a declaration came from: the repository-relative file and its 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  col?: number;
}

/**
 * A problem found before the policy rules run (a file that cannot be read, YAML that does not
 * parse, a declaration that does not match its schema). The `schema` rule reports these.
 */
export interface Diagnostic {
  message: string;
  location: Location;
  entity?: string;
}

/** The 1-based line and column of a character offset in a text. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
