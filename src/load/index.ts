import { createHash } from 'node:crypto';
import { mayHoldKeyMaterial } from '../certs/private-key';
import type { Diagnostic } from '../model/diagnostics';
import { decodeText } from './decode';
import { isDeclarationFile, isHidden, placementOf, type FileKind } from './layout';
import { fileLocator, type Locator } from './locator';
import { UnreadableFile, type RepositoryReader } from './reader';
import { importDeclaration } from './typescript';
import { parseYaml } from './yaml';
import { privateKeyIn, redactPrivateKeys, scanOtherFiles, type RedactedValue } from './private-keys';
import type { PrivateKeyFile } from '../model/state';

/** One declaration file as read: its place, its plain value and a way back to its lines. */
export interface LoadedFile {
  path: string;
  kind: FileKind;
  env?: string;
  value: unknown;
  locator: Locator;
  /** Content hash, so that a later step can skip work on files that did not change. */
  hash: string;
}

export interface LoadResult {
  files: LoadedFile[];
  /** Every other file under config/ and environments/ (certificates, CSV lists), by path. */
  assets: Map<string, Buffer>;
  /** Files anywhere in the repository that hold private key material. */
  privateKeys: PrivateKeyFile[];
  diagnostics: Diagnostic[];
}

/** A per-run cache of parsed files keyed by content hash (used when two states share files). */
export type ParseCache = Map<string, { value: unknown; locator: Locator; diagnostics: Diagnostic[]; keys: RedactedValue[] }>;

/** Reads every file below config/ and environments/; each problem becomes one located diagnostic. */
export async function loadRepository(reader: RepositoryReader, cache?: ParseCache): Promise<LoadResult> {
  const result: LoadResult = { files: [], assets: new Map(), privateKeys: [], diagnostics: [] };
  const checked = new Set<string>();
  for (const file of await reader.list()) {
    try {
      await loadOne(reader, file, result, checked, cache);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      result.diagnostics.push({ message: `${file} ${error.message}`, location: { file, line: 1 } });
    }
  }
  result.privateKeys.push(...(await scanOtherFiles(reader, checked)));
  return result;
}

/** Reads a file once, noting private key material in it (the private-key scan gets it for free). */
async function readChecked(reader: RepositoryReader, file: string, result: LoadResult, checked: Set<string>): Promise<Buffer> {
  const bytes = await reader.read(file);
  checked.add(file);
  const key = privateKeyIn(file, bytes);
  if (key) result.privateKeys.push(key);
  return bytes;
}

/** Key material found in decoded values, unless the scan of the file's bytes already reported the file. */
function notePrivateKeys(file: string, keys: readonly RedactedValue[], locator: Locator, result: LoadResult): void {
  if (keys.length === 0 || result.privateKeys.some((k) => k.file === file)) return;
  result.privateKeys.push({ file, kind: keys[0].kind, line: locator.locate(keys[0].path).line });
}

async function loadOne(reader: RepositoryReader, file: string, result: LoadResult, checked: Set<string>, cache?: ParseCache) {
  if (isHidden(file)) return;
  if (!isDeclarationFile(file)) {
    result.assets.set(file, await readChecked(reader, file, result, checked));
    return;
  }
  const placement = placementOf(file);
  if ('hint' in placement) {
    result.diagnostics.push({ message: `${file} ${placement.hint}`, location: { file, line: 1 } });
    return;
  }
  const bytes = await readChecked(reader, file, result, checked);
  const hash = createHash('sha1').update(file).update('\0').update(bytes).digest('hex');
  if (file.endsWith('.ts')) {
    decodeText(bytes);
    const value = importDeclaration(await reader.importPath(file));
    const locator = fileLocator(file);
    notePrivateKeys(file, redactPrivateKeys(value), locator, result);
    result.files.push({ path: file, ...placement, value, locator, hash });
    return;
  }
  let parsed = cache?.get(hash);
  if (!parsed) {
    const read = parseYaml(file, decodeText(bytes));
    parsed = { ...read, keys: mayHoldKeyMaterial(bytes) ? redactPrivateKeys(read.value) : [] };
    cache?.set(hash, parsed);
  }
  notePrivateKeys(file, parsed.keys, parsed.locator, result);
  result.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length === 0) {
    result.files.push({ path: file, ...placement, value: parsed.value, locator: parsed.locator, hash });
  }
}
