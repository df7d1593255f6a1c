import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostics';
import { decodeText } from './decode';
import { isDeclarationFile, placementOf, type FileKind } from './layout';
import { fileLocator, type Locator } from './locator';
import { UnreadableFile, type RepositoryReader } from './reader';
import { importDeclaration } from './typescript';
import { parseYaml } from './yaml';
import { offsetLocator, type Offsets } from './event-yaml';
import { privateKeyIn, scanOtherFiles } from './private-keys';
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

/**
 * Parsed files keyed by content hash: per run, when two states share files, and between runs
 * (`parse-cache.ts`), where an entry comes without a locator and `used` says that this run needed it.
 */
export type ParseCache = Map<string, { value: unknown; locator?: Locator; offsets?: Offsets; diagnostics: Diagnostic[]; used?: boolean }>;

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

async function loadOne(reader: RepositoryReader, file: string, result: LoadResult, checked: Set<string>, cache?: ParseCache) {
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
    result.files.push({ path: file, ...placement, value, locator: fileLocator(file), hash });
    return;
  }
  let parsed = cache?.get(hash);
  if (!parsed) {
    parsed = parseYaml(file, decodeText(bytes));
    cache?.set(hash, parsed);
  }
  parsed.used = true;
  result.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length === 0) {
    const locator = parsed.locator ?? offsetLocator(file, decodeText(bytes), parsed.offsets!);
    result.files.push({ path: file, ...placement, value: parsed.value, locator, hash });
  }
}
