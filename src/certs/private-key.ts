/**
 * Recognises private key material by content, whatever the file is called and however it is
 * wrapped: PEM private key blocks (PKCS#8, PKCS#1, SEC1, OpenSSH, PGP, encrypted), also indented (a
 * YAML block scalar, Markdown), quoted with `\n` escapes (a JSON string) or in UTF-16; PKCS#12 / PFX
 * stores (DER or BER), Java key stores, PuTTY key files and DER keys; and any of these base64-encoded
 * (as a Kubernetes Secret holds them) or gzip-compressed. A mention of the block's header in prose is
 * not a key: the header must be followed by key data.
 */
import { createPrivateKey } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { positionOf } from '../model/diagnostics';

export interface PrivateKeyMatch {
  /** What was found, for the message ("a PEM RSA private key block", "a PKCS#12 key store"). */
  kind: string;
  /** 1-based line of the block in a text file; 1 for binary stores. */
  line: number;
}

/** A line break (real, or escaped in a quoted string) and what may begin a line: indentation, quote and comment marks. */
const BREAK = String.raw`(?:(?:\r?\n|(?:\\r)?\\n)[ \t>#*/"'|]*|[ \t]+)`;
const PEM_KEY = new RegExp(String.raw`-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----${BREAK}(?:[A-Za-z-]+: [^\n\\]*${BREAK})*(?:${BREAK})?[A-Za-z0-9+/=]{16,}`);
const MARKER = 'PRIVATE KEY';
const UTF16 = { utf16le: Buffer.from(MARKER, 'utf16le'), utf16be: Buffer.from(MARKER, 'utf16le').swap16() } as const;
const PUTTY = Buffer.from('PuTTY-User-Key-File-');
const JKS = 0xfeedfeed;
const JCEKS = 0xcececece;
/** DER of the OID 1.2.840.113549.1.7.1 (PKCS#7 data), which a PKCS#12 store's authSafe starts with. */
const PKCS7_DATA = Buffer.from('06092a864886f70d010701', 'hex');
/**
 * Base64 of at least 40 characters, possibly wrapped over lines (real or escaped), as a key or a
 * store is when encoded: long enough that identifiers and URLs never match.
 */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}(?:(?:\r?\n|(?:\\r)?\\n)[ \t]*[A-Za-z0-9+/]{4,}={0,2})*/;
const MIN_RUN = 40;
/** The characters of base64, as a table: the prefilter below runs over every byte of large files. */
const BASE64_CHAR = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CHAR[c.charCodeAt(0)] = 1;

/**
 * Where the first run of at least MIN_RUN base64 characters at or after `from` begins, or -1.
 * Where a regular expression would try a match at every position (seconds on a catalog of a
 * million entries), this looks at the last character of each window of MIN_RUN and skips the whole
 * window when it is not base64: prose and YAML have a space or punctuation every few characters.
 * `from` must begin a run or follow a character that is not base64 (the end of a match does).
 */
function nextRun(data: Buffer | string, from: number): number {
  const text = typeof data === 'string';
  const isBase64 = (i: number) => isBase64Char(text ? (data as string).charCodeAt(i) : (data as Buffer)[i]);
  for (let end = from + MIN_RUN - 1; end < data.length; ) {
    if (!isBase64(end)) {
      end += MIN_RUN;
      continue;
    }
    let start = end;
    while (start > end - MIN_RUN + 1 && isBase64(start - 1)) start--;
    if (start === end - MIN_RUN + 1) return start;
    end = start + MIN_RUN - 1;
  }
  return -1;
}

/**
 * The shortest base64 that can hold key material once decoded: a PEM block's header, a line break
 * and the 16 characters of key data PEM_KEY asks for are 44 bytes, 60 characters in base64 (a DER
 * Ed25519 key, the smallest binary one, is 64). Shorter runs, such as URL paths, are not decoded.
 */
const MIN_ENCODED_KEY = 60;

/** Encodings inside encodings (base64 of a gzip of a PEM) are followed this deep. */
const MAX_DEPTH = 3;
/** A gzip bomb must not fill the memory: a key is small. */
const MAX_GUNZIPPED = 16 * 1024 * 1024;

export function findPrivateKey(bytes: Buffer, depth = 0): PrivateKeyMatch | undefined {
  return keyIn(bytes, depth, signsOf(bytes));
}

/**
 * What a declaration file's bytes show: key material in them, and whether its decoded values must
 * be searched as well (`mayHoldKeyMaterial`), from one look at the signs both depend on.
 */
export function scanDeclaration(bytes: Buffer): { key?: PrivateKeyMatch; valuesMayHold: boolean } {
  const signs = signsOf(bytes);
  return { key: keyIn(bytes, 0, signs), valuesMayHold: mayHoldKeyMaterial(bytes, signs) };
}

/** Signs of key material, each a search of the whole file: the PEM marker, in 8 bits or in UTF-16, and where base64 begins. */
interface Signs {
  marker: boolean;
  utf16: (keyof typeof UTF16)[];
  base64: number;
}

function signsOf(bytes: Buffer): Signs {
  return {
    marker: bytes.includes(MARKER),
    utf16: (Object.keys(UTF16) as (keyof typeof UTF16)[]).filter((encoding) => bytes.includes(UTF16[encoding])),
    base64: nextRun(bytes, 0),
  };
}

function keyIn(bytes: Buffer, depth: number, signs: Signs): PrivateKeyMatch | undefined {
  return pemIn(bytes, signs) ?? binaryKey(bytes) ?? (depth < MAX_DEPTH ? encodedKey(bytes, depth, signs.base64) : undefined);
}

/** A PEM key block in the bytes read as 8-bit text, or as UTF-16 (either byte order) when they hold that. */
function pemIn(bytes: Buffer, signs: Signs): PrivateKeyMatch | undefined {
  if (signs.marker) {
    const found = pemInText(bytes.toString('latin1'));
    if (found) return found;
  }
  for (const encoding of signs.utf16) {
    const marker = UTF16[encoding];
    const at = bytes.indexOf(marker) % 2;
    const units = Buffer.from(bytes.subarray(at, bytes.length - ((bytes.length - at) % 2)));
    const text = (encoding === 'utf16be' ? units.swap16() : units).toString('utf16le');
    const found = pemInText(text);
    if (found) return found;
  }
  return undefined;
}

function pemInText(text: string): PrivateKeyMatch | undefined {
  const m = PEM_KEY.exec(text);
  return m ? { kind: `a PEM "${m[1]}PRIVATE KEY${m[2] ?? ''}" block`, line: positionOf(text, m.index).line } : undefined;
}

function binaryKey(bytes: Buffer): PrivateKeyMatch | undefined {
  // At the start only: searching the whole of every file for it cost a pass over the repository.
  if (bytes.subarray(0, PUTTY.length).equals(PUTTY)) return { kind: 'a PuTTY private key file', line: 1 };
  if (bytes.length >= 4) {
    const magic = bytes.readUInt32BE(0);
    if (magic === JKS) return { kind: 'a Java key store (JKS)', line: 1 };
    if (magic === JCEKS) return { kind: 'a Java key store (JCEKS)', line: 1 };
  }
  if (isPkcs12(bytes)) return { kind: 'a PKCS#12 (PFX) key store', line: 1 };
  if (isDerPrivateKey(bytes)) return { kind: 'a DER-encoded private key', line: 1 };
  return undefined;
}

/** A key inside gzip, or inside a base64 run of the text (the first begins at `base64`); the match is located at the run. */
function encodedKey(bytes: Buffer, depth: number, base64: number): PrivateKeyMatch | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let inflated: Buffer | undefined;
    try {
      inflated = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED });
    } catch {
      inflated = undefined;
    }
    const inner = inflated && findPrivateKey(inflated, depth + 1);
    if (inner) return { kind: `${inner.kind}, gzip-compressed`, line: 1 };
  }
  if (base64 < 0) return undefined;
  const text = bytes.toString('latin1');
  for (const m of base64Runs(text, base64)) {
    if (m[0].length < MIN_ENCODED_KEY) continue;
    const decoded = Buffer.from(m[0].replace(/\\r|\\n|\s/g, ''), 'base64');
    const inner = findPrivateKey(decoded, depth + 1);
    if (inner) return { kind: `${inner.kind}, base64-encoded`, line: positionOf(text, m.index).line };
  }
  return undefined;
}

/**
 * The matches of BASE64_RUN in the text, as a global search finds them, from `first` (where the
 * first run begins), in linear time: a global search tries every position and reads up to 40
 * characters at each (URL paths are long runs of base64 characters), where this tries the pattern
 * only where a run of 40 begins, which is where the leftmost match must start.
 */
function* base64Runs(text: string, first: number): Generator<RegExpExecArray> {
  const at = new RegExp(BASE64_RUN.source, 'y');
  for (let i = first; i >= 0; i = nextRun(text, i)) {
    at.lastIndex = i;
    const m = at.exec(text)!;
    yield m;
    i += m[0].length;
  }
}

function isBase64Char(c: number): boolean {
  return c < 256 && BASE64_CHAR[c] === 1;
}

/**
 * Whether a string value (a decoded YAML or TypeScript value) may hold key material: a cheap test
 * first, so that the millions of short values of a large repository cost next to nothing. The test
 * passes everything `findPrivateKey` can find in a string's UTF-8 bytes: a PEM block (its marker), a
 * PEM in UTF-16 (its NULs), a PuTTY file, or base64 long enough to decode; binary stores and DER keys
 * start with bytes no UTF-8 text holds. URLs, whose paths are runs of base64 characters too short to
 * hold a key, are not read again as bytes.
 */
export function findPrivateKeyInValue(value: string): PrivateKeyMatch | undefined {
  if (value.length < MIN_RUN) return undefined;
  const suspicious = value.includes(MARKER) || value.includes('\0') || value.startsWith(PUTTY_TEXT) || holdsEncodedRun(value);
  return suspicious ? findPrivateKey(Buffer.from(value, 'utf8')) : undefined;
}

const PUTTY_TEXT = PUTTY.toString('latin1');

/** Whether the text has a run of base64 long enough for `encodedKey` to decode. */
function holdsEncodedRun(text: string): boolean {
  const first = nextRun(text, 0);
  if (first < 0) return false;
  for (const m of base64Runs(text, first)) if (m[0].length >= MIN_ENCODED_KEY) return true;
  return false;
}

/**
 * Whether a file's decoded values can hold key material its bytes do not show: when the bytes name
 * a key, hold base64, or hold escapes (`\x2d` in a quoted YAML string) that decoding turns into
 * either. Other files, the most by far, need no walk over their values.
 */
function mayHoldKeyMaterial(bytes: Buffer, signs: Signs): boolean {
  return signs.marker || bytes.includes(0x5c) || signs.base64 >= 0 || signs.utf16.length > 0;
}

/** Binary keys are small; larger DER files (certificate bundles) are not worth trying. */
const MAX_DER_KEY_BYTES = 16 * 1024;

/** PKCS#8 (plain or encrypted), PKCS#1 or SEC1 in DER: let the crypto library decide. */
function isDerPrivateKey(bytes: Buffer): boolean {
  if (bytes[0] !== 0x30 || bytes.length > MAX_DER_KEY_BYTES || !looksLikeKeyStructure(bytes)) return false;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: bytes, format: 'der', type });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') return true;
    }
  }
  return false;
}

/**
 * A key's outer SEQUENCE starts with its version (INTEGER: PKCS#8, PKCS#1, SEC1) or, encrypted, with
 * an AlgorithmIdentifier (a SEQUENCE that starts with an OID). A certificate starts with a
 * SEQUENCE that starts with a version tag or a serial number, so it is not tried: the crypto
 * library would be asked three times for every certificate in the repository.
 */
function looksLikeKeyStructure(bytes: Buffer): boolean {
  const first = derHeaderLength(bytes, 0);
  if (first === undefined) return false;
  if (bytes[first] === 0x02) return true;
  if (bytes[first] !== 0x30) return false;
  const inner = derHeaderLength(bytes, first);
  return inner !== undefined && bytes[inner] === 0x06;
}

/**
 * PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (pkcs7-data or -signedData), ... }.
 * Checking the version and the content type's OID prefix is enough to tell it from a certificate.
 */
function isPkcs12(bytes: Buffer): boolean {
  if (bytes.length < 24 || bytes[0] !== 0x30) return false;
  const header = derHeaderLength(bytes, 0);
  if (header === undefined) return false;
  const v = header;
  if (bytes[v] !== 0x02 || bytes[v + 1] !== 0x01 || bytes[v + 2] !== 0x03) return false;
  const content = v + 3;
  if (bytes[content] !== 0x30) return false;
  const inner = derHeaderLength(bytes, content);
  if (inner === undefined) return false;
  // pkcs7-data (…07 01) or signedData (…07 02): compare all but the last byte of the OID.
  return bytes.subarray(inner, inner + PKCS7_DATA.length - 1).equals(PKCS7_DATA.subarray(0, PKCS7_DATA.length - 1));
}

/**
 * Offset of the first content byte of the element at `at` (tag, then a short, long or, in BER as
 * some tools write PKCS#12, indefinite length).
 */
function derHeaderLength(bytes: Buffer, at: number): number | undefined {
  const first = bytes[at + 1];
  if (first === undefined) return undefined;
  if (first <= 0x80) return at + 2;
  const n = first & 0x7f;
  if (n === 0 || n > 4) return undefined;
  return at + 2 + n;
}
