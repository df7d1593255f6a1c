import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostics';
import { decodeText } from './decode';
import { isDeclarationFile, isHidden, placementOf, type FileKind } from './layout';
import { fileLocator, type Locator } from './locator';
import { UnreadableFile, type RepositoryReader } from './reader';
import { DEFAULT_TYPESCRIPT, importDeclarations, NOT_RUN, type TypeScriptPolicy } from './typescript';
import { parseYaml } from './yaml';
import { offsetLocator, readOffsets, type Offsets } from './event-yaml';
import { privateKeyIn, redactPrivateKeys, scanOtherFiles, type RedactedValue } from './private-keys';
import type { PrivateKeyFile } from '../model/state';
import { scanDeclaration, type PrivateKeyMatch } from '../certs/private-key';
import { CertificateThread } from '../certs/read-thread';

/** One declaration file as read: its place, its plain value and a way back to its lines. */
export interface LoadedFile {
  path: string;
  kind: FileKind;
  env?: string;
  value: unknown;
  locator: Locator;
  /** Content hash, the parse cache's key: only when the file was read with one (a run without a cache has no use for it). */
  hash?: string;
  /** The value is already the declaration its schema gives (the parse cache kept it so). */
  validated?: boolean;
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
export type ParseCache = Map<string, CachedParse>;

export interface CachedParse {
  value: unknown;
  locator?: Locator;
  /** The fast reader read it (the parse cache keeps only such parses: their positions can be found again from the text). */
  fast?: boolean;
  /** The positions, once asked for, whichever side of a plan asked first. */
  offsets?: Offsets;
  diagnostics: Diagnostic[];
  /** Key material found in the decoded values (and redacted from them). */
  keys: RedactedValue[];
  /** Key material found in the bytes themselves, so that a file read again is not scanned again. */
  keyInBytes?: PrivateKeyMatch;
  /** `value` is the declaration an earlier run validated it to: schema validation has nothing to do. */
  validated?: boolean;
  used?: boolean;
}

export interface LoadOptions {
  /** Whether and how TypeScript declarations run (default: in a child process, 30 s at most). */
  typescript?: TypeScriptPolicy;
  /**
   * From how many certificate files on they are read on a second thread while the declarations are
   * read (default 256): below it, starting the thread costs about what it saves (measured on the
   * bench's repositories: 168 certificates a little slower with it, 270 even, 494 faster).
   */
  certificateThreadFrom?: number;
}

const CERTIFICATE_THREAD_FROM = 256;
/** What a certificate file is called (`readCertificateFile` reads any file a declaration names; these are the usual ones). */
const CERTIFICATE_NAME = /\.(pem|crt|cer|der)$/i;

/** A TypeScript declaration waiting for the one child process that loads them all. */
interface PendingTypeScript {
  file: string;
  absolute: string;
  loaded: LoadedFile;
}

/** Reads every file below config/ and environments/; each problem becomes one located diagnostic. */
export async function loadRepository(reader: RepositoryReader, cache?: ParseCache, options: LoadOptions = {}): Promise<LoadResult> {
  const result: LoadResult = { files: [], assets: new Map(), privateKeys: [], diagnostics: [] };
  const checked = new Set<string>();
  const typescript: PendingTypeScript[] = [];
  const policy = options.typescript ?? DEFAULT_TYPESCRIPT;
  const problem = (file: string, message: string) => result.diagnostics.push({ message: `${file} ${message}`, location: { file, line: 1 } });
  // Started first: git lists the whole repository for the key scan while the declarations are read.
  const everyFile = reader.listRepository?.();
  const files = await reader.list();
  const certificates = certificateThread(files, options.certificateThreadFrom ?? CERTIFICATE_THREAD_FROM);
  try {
    for (const file of files) {
      try {
        await loadOne(reader, file, { result, checked, typescript: policy.run ? typescript : undefined, cache, certificates });
      } catch (error) {
        if (error instanceof UnreadableFile) problem(file, error.message);
        else if (isStackOverflow(error)) problem(file, 'nests too deeply to be read (thousands of levels); write it flat');
        else throw error;
      }
    }
    await runTypeScript(typescript, result, policy, problem);
    result.privateKeys.push(...(await scanOtherFiles(reader, everyFile, checked)));
    await certificates?.finish();
  } finally {
    // A load that failed leaves no thread behind (a server loads again and again).
    void certificates?.stop();
  }
  return result;
}

/** A thread to read the certificate files on, when there are enough of them to be worth one. */
function certificateThread(files: string[], from: number): CertificateThread | undefined {
  let count = 0;
  for (const file of files) if (CERTIFICATE_NAME.test(file) && !isHidden(file)) count++;
  return count >= from ? new CertificateThread() : undefined;
}

/** A reader's recursion ran out of stack: the file nests too deeply, which is its problem, not the run's. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Loads the pending TypeScript declarations in one child process; a file that fails is a problem and no declaration. */
async function runTypeScript(pending: PendingTypeScript[], result: LoadResult, policy: TypeScriptPolicy, problem: (file: string, message: string) => void) {
  if (pending.length === 0) return;
  const failed = new Set<LoadedFile>();
  const loaded = await importDeclarations(pending.map((p) => p.absolute), repositoryFolder(pending), policy);
  for (const p of pending) {
    const outcome = loaded.get(p.absolute);
    if (outcome && 'value' in outcome) {
      p.loaded.value = outcome.value;
      notePrivateKeys(p.file, redactPrivateKeys(outcome.value), p.loaded.locator, result);
    } else {
      problem(p.file, outcome?.reason ?? 'was not loaded');
      failed.add(p.loaded);
    }
  }
  result.files = result.files.filter((f) => !failed.has(f));
}

/** The folder the declarations were read from: their absolute path less their repository-relative one. */
function repositoryFolder(pending: PendingTypeScript[]): string {
  for (const p of pending) {
    if (p.absolute.endsWith(`/${p.file}`)) return p.absolute.slice(0, -p.file.length - 1);
  }
  return process.cwd();
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

/** The lines of a parse the cache kept: the file's text, decoded when first asked, read again for its positions. */
function cachedLocator(file: string, bytes: Buffer, parsed: CachedParse): Locator {
  let text: string | undefined;
  const textOf = () => (text ??= decodeText(bytes));
  return offsetLocator(file, textOf, () => (parsed.offsets ??= readOffsets(textOf())));
}

/** Path and bytes: the same file with the same content, whichever side of a plan it is read for. */
function contentHash(file: string, bytes: Buffer): string {
  return createHash('sha1').update(file).update('\0').update(bytes).digest('hex');
}

interface LoadState {
  result: LoadResult;
  checked: Set<string>;
  /** Where TypeScript declarations wait for their child process; absent when they may not run. */
  typescript?: PendingTypeScript[];
  cache?: ParseCache;
  /** The thread certificate files are read on, if any. */
  certificates?: CertificateThread;
}

async function loadOne(reader: RepositoryReader, file: string, { result, checked, typescript, cache, certificates }: LoadState) {
  if (isHidden(file)) return;
  if (!isDeclarationFile(file)) {
    const bytes = await readChecked(reader, file, result, checked);
    result.assets.set(file, bytes);
    if (certificates && CERTIFICATE_NAME.test(file)) certificates.add(bytes);
    return;
  }
  const placement = placementOf(file);
  if ('hint' in placement) {
    result.diagnostics.push({ message: `${file} ${placement.hint}`, location: { file, line: 1 } });
    return;
  }
  if (file.endsWith('.ts')) {
    const bytes = await readChecked(reader, file, result, checked);
    const hash = cache && contentHash(file, bytes);
    decodeText(bytes);
    if (!typescript) throw new UnreadableFile(NOT_RUN);
    // A place in the file order now; the value once the child process has loaded them all.
    const loaded: LoadedFile = { path: file, ...placement, value: undefined, locator: fileLocator(file), hash };
    typescript.push({ file, absolute: await reader.importPath(file), loaded });
    result.files.push(loaded);
    return;
  }
  // The bytes' key scan is kept with the parse: a file both sides of a plan share is scanned once.
  const bytes = await reader.read(file);
  checked.add(file);
  const hash = cache && contentHash(file, bytes);
  let parsed = hash === undefined ? undefined : cache?.get(hash);
  // Scanned before decoding: a key store named .yaml is binary, and is reported as what it is.
  const scan = parsed ? undefined : scanDeclaration(bytes);
  const keyInBytes = parsed ? parsed.keyInBytes : scan!.key;
  if (keyInBytes) result.privateKeys.push({ file, ...keyInBytes });
  if (!parsed) {
    const read = parseYaml(file, decodeText(bytes));
    parsed = { ...read, keys: scan!.valuesMayHold ? redactPrivateKeys(read.value) : [], keyInBytes };
    if (hash !== undefined) cache?.set(hash, parsed);
  }
  parsed.used = true;
  result.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length === 0) {
    const locator = parsed.locator ?? cachedLocator(file, bytes, parsed);
    notePrivateKeys(file, parsed.keys, locator, result);
    result.files.push({ path: file, ...placement, value: parsed.value, locator, hash, ...(parsed.validated ? { validated: true } : {}) });
  }
}
