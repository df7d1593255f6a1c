import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
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

export function yamlLocator(file: string, doc: Document, lines: LineCounter): Locator {
  const position = (node: Node | null | undefined): Location => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  const pairOf = (node: unknown, key: PathSegment) =>
    isMap(node) ? node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)) : undefined;
  const walk = (path: readonly PathSegment[]): Node | null => {
    let node = doc.contents as Node | null;
    for (const segment of path) {
      let next: unknown;
      if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
      else next = pairOf(node, segment)?.value;
      if (!next || typeof next !== 'object') break;
      node = next as Node;
    }
    return node;
  };
  return {
    locate: (path) => position(walk(path)),
    locateKey: (path, key) => {
      const pair = pairOf(walk(path), key);
      return position((pair?.key as Node | undefined) ?? walk(path));
    },
  };
}
