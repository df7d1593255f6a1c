/**
 * The private-key scan: no private key material may be anywhere in the repository, whatever a file
 * is called. The loader checks the bytes it reads anyway (config/ and environments/); this module
 * reads the rest of the repository once, cheaply, when the reader can list it.
 */
import { findPrivateKey } from '../certs/private-key';
import type { PrivateKeyFile } from '../model/state';
import { MAX_FILE_BYTES } from './decode';
import type { RepositoryReader } from './reader';

export function privateKeyIn(file: string, bytes: Buffer): PrivateKeyFile | undefined {
  const found = findPrivateKey(bytes);
  return found && { file, ...found };
}

/** Scans every listed file the loader has not read; unreadable files are skipped, not reported. */
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
    if (bytes.length > MAX_FILE_BYTES) continue;
    const found = privateKeyIn(file, bytes);
    if (found) out.push(found);
  }
  return out;
}
