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
  // An explicit stack: a deeply nested value must not overflow the call stack. Paths are built only
  // for containers and finds: a catalog of a million short strings costs one typeof each.
  const stack: { node: object; path: PathSegment[] }[] = [];
  if (value && typeof value === 'object') stack.push({ node: value, path: [] });
  const visit = (container: Record<PathSegment, unknown>, key: PathSegment, path: PathSegment[]) => {
    const child = container[key];
    if (typeof child === 'string') {
      const inValue = findPrivateKeyInValue(child);
      if (inValue) {
        container[key] = REDACTED;
        found.push({ path: [...path, key], kind: inValue.kind });
      }
    } else if (child && typeof child === 'object') stack.push({ node: child, path: [...path, key] });
  };
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node as unknown as Record<PathSegment, unknown>, i, path);
      continue;
    }
    const record = node as Record<PathSegment, unknown>;
    for (const key of Object.keys(record)) {
      const inKey = findPrivateKeyInValue(key);
      if (!inKey) {
        visit(record, key, path);
        continue;
      }
      record[REDACTED] = record[key];
      delete record[key];
      found.push({ path, kind: inKey.kind });
      visit(record, REDACTED, path);
    }
  }
  return found;
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
