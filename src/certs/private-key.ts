/**
 * Recognises private key material by content, whatever the file is called: PEM private key blocks
 * (PKCS#8, PKCS#1, SEC1, OpenSSH, PGP, encrypted), PKCS#12 / PFX stores, Java key stores and PuTTY
 * key files. A mention of the block's header in prose is not a key: the header must be followed by
 * key data.
 */
import { createPrivateKey } from 'node:crypto';
import { positionOf } from '../model/diagnostics';

export interface PrivateKeyMatch {
  /** What was found, for the message ("a PEM RSA private key block", "a PKCS#12 key store"). */
  kind: string;
  /** 1-based line of the block in a text file; 1 for binary stores. */
  line: number;
}

const PEM_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----\r?\n(?:[A-Za-z-]+: [^\n]*\n)*\r?\n?[A-Za-z0-9+/=]{16,}/;
const MARKER = Buffer.from('PRIVATE KEY');
const PUTTY = Buffer.from('PuTTY-User-Key-File-');
const JKS = 0xfeedfeed;
const JCEKS = 0xcececece;
/** DER of the OID 1.2.840.113549.1.7.1 (PKCS#7 data), which a PKCS#12 store's authSafe starts with. */
const PKCS7_DATA = Buffer.from('06092a864886f70d010701', 'hex');

export function findPrivateKey(bytes: Buffer): PrivateKeyMatch | undefined {
  if (bytes.includes(MARKER)) {
    const text = bytes.toString('latin1');
    const m = PEM_KEY.exec(text);
    if (m) return { kind: `a PEM "${m[1]}PRIVATE KEY${m[2] ?? ''}" block`, line: positionOf(text, m.index).line };
  }
  const putty = bytes.indexOf(PUTTY);
  if (putty === 0) return { kind: 'a PuTTY private key file', line: 1 };
  if (bytes.length >= 4) {
    const magic = bytes.readUInt32BE(0);
    if (magic === JKS) return { kind: 'a Java key store (JKS)', line: 1 };
    if (magic === JCEKS) return { kind: 'a Java key store (JCEKS)', line: 1 };
  }
  if (isPkcs12(bytes)) return { kind: 'a PKCS#12 (PFX) key store', line: 1 };
  if (isDerPrivateKey(bytes)) return { kind: 'a DER-encoded private key', line: 1 };
  return undefined;
}

/** Binary keys are small; larger DER files (certificate bundles) are not worth trying. */
const MAX_DER_KEY_BYTES = 16 * 1024;

/** PKCS#8 (plain or encrypted), PKCS#1 or SEC1 in DER: let the crypto library decide. */
function isDerPrivateKey(bytes: Buffer): boolean {
  if (bytes[0] !== 0x30 || bytes.length > MAX_DER_KEY_BYTES) return false;
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

/** Offset of the first content byte of the DER element at `at` (tag, then short or long length). */
function derHeaderLength(bytes: Buffer, at: number): number | undefined {
  const first = bytes[at + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return at + 2;
  const n = first & 0x7f;
  if (n === 0 || n > 4) return undefined;
  return at + 2 + n;
}
