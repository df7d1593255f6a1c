import type { Location } from '../model/diagnostics';

export type PathSegment = string | number;

/** Finds the source line of a value inside a loaded file, given its path in the parsed value. */
export interface Locator {
  /** The value's own position, or that of its nearest ancestor that exists. */
  locate(path: readonly PathSegment[]): Location;
  /** The position of a key in the object at `path` (for unknown keys), else of the object. */
  locateKey(path: readonly PathSegment[], key: string): Location;
}

/** Files without positions (TypeScript declarations) point at their first line. */
export function fileLocator(file: string): Locator {
  const at = { file, line: 1 };
  return { locate: () => at, locateKey: () => at };
}
