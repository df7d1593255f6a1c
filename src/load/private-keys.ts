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
  // An explicit stack: a deeply nested value must not overflow the call stack.
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const entries: [PathSegment, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const record = node as Record<PathSegment, unknown>;
      let at: PathSegment = key;
      const inKey = typeof key === 'string' ? findPrivateKeyInValue(key) : undefined;
      if (inKey) {
        delete record[key];
        at = REDACTED;
        record[at] = child;
        found.push({ path, kind: inKey.kind });
      }
      const inValue = typeof child === 'string' ? findPrivateKeyInValue(child) : undefined;
      if (inValue) {
        record[at] = REDACTED;
        found.push({ path: [...path, at], kind: inValue.kind });
      } else if (child && typeof child === 'object') stack.push({ node: child, path: [...path, at] });
    }
  }
  return found;
}

/** Scans every listed file the loader has not read, whatever its size; unreadable files are skipped, not reported. */
export async function scanOtherFiles(reader: RepositoryReader, alreadyChecked: ReadonlySet<string>): Promise<PrivateKeyFile[]> {
  if (!reader.listRepository) return [];
  const out: PrivateKeyFile[] = [];
  for (const file of await reader.listRepository()) {
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
