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
