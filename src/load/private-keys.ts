/**
 * The private-key scan: no private key material may be anywhere in the repository, whatever a file
 * is called. The loader checks the bytes it reads anyway (config/ and environments/); this module
 * reads the rest of the repository once, cheaply, when the reader can list it.
 */
import { findPrivateKey, findPrivateKeyInValue } from '../certs/private-key';
import type { PrivateKeyFile } from '../model/state';
import type { PathSegment } from './locator';
import type { RepositoryReader } from './reader';

/** What a value (or a key) that held private key material reads as from then on, in every report and output. */
export const REDACTED = '[private key material removed]';

export interface RedactedValue {
  path: PathSegment[];
  kind: string;
}

export function privateKeyIn(file: string, bytes: Buffer): PrivateKeyFile | undefined {
  const found = findPrivateKey(bytes);
  return found && { file, ...found };
}

/**
 * Replaces, in place, every string of a declaration's value (and every mapping key) that holds key
 * material, as decoded from YAML or TypeScript (a JSON-quoted PEM, a base64 Secret value), so that no
 * report or output can ever print it; returns where they were, for the finding.
 */
export function redactPrivateKeys(value: unknown): RedactedValue[] {
  const found: RedactedValue[] = [];
  // An explicit stack: a deeply nested value must not overflow the call stack. A container knows its
  // parent and its key there, and a path is built only for a find: a catalog of a million short
  // strings costs one typeof each.
  const stack: Container[] = [];
  if (value && typeof value === 'object') stack.push({ node: value as Record<PathSegment, unknown> });
  const visit = (container: Container, key: PathSegment) => {
    const child = container.node[key];
    if (typeof child === 'string') {
      const inValue = findPrivateKeyInValue(child);
      if (inValue) {
        container.node[key] = REDACTED;
        found.push({ path: [...pathOf(container), key], kind: inValue.kind });
      }
    } else if (child && typeof child === 'object') stack.push({ node: child as Record<PathSegment, unknown>, parent: container, key });
  };
  while (stack.length > 0) {
    const container = stack.pop()!;
    const { node } = container;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(container, i);
      continue;
    }
    for (const key of Object.keys(node)) {
      const inKey = findPrivateKeyInValue(key);
      if (!inKey) {
        visit(container, key);
        continue;
      }
      node[REDACTED] = node[key];
      delete node[key];
      found.push({ path: pathOf(container), kind: inKey.kind });
      visit(container, REDACTED);
    }
  }
  return found;
}

/** A mapping or a sequence met in the walk, and where its parent holds it. */
interface Container {
  node: Record<PathSegment, unknown>;
  parent?: Container;
  key?: PathSegment;
}

function pathOf(container: Container): PathSegment[] {
  const path: PathSegment[] = [];
  for (let c: Container | undefined = container; c?.parent; c = c.parent) path.unshift(c.key!);
  return path;
}

/**
 * Scans every file of `listing` (the reader's `listRepository`) the loader has not read, whatever its
 * size; unreadable files are skipped, not reported.
 */
export async function scanOtherFiles(reader: RepositoryReader, listing: Promise<string[]> | undefined, alreadyChecked: ReadonlySet<string>): Promise<PrivateKeyFile[]> {
  if (!listing) return [];
  const out: PrivateKeyFile[] = [];
  for (const file of await listing) {
    if (alreadyChecked.has(file)) continue;
    let bytes: Buffer;
    try {
      bytes = await reader.read(file);
    } catch {
      continue;
    }
    const found = privateKeyIn(file, bytes);
    if (found) out.push(found);
  }
  return out;
}
