/**
 * Reading X.509 certificates with node's own `crypto.X509Certificate`. Rules stay pure: they hand
 * in the bytes the loader read (catalog assets) and get plain answers back. Parsing is memoized per
 * buffer, because several rules and every environment look at the same files.
 */
import { X509Certificate } from 'node:crypto';

export interface CertificateFile {
  /** Every certificate in the file, leaf first as PEM bundles are written. */
  certificates: X509Certificate[];
  /** Why the file holds no usable certificate, when it does not. */
  problem?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const parsed = new WeakMap<Buffer, CertificateFile>();

/** The certificates of a PEM (one or more blocks) or DER file. */
export function readCertificateFile(bytes: Buffer): CertificateFile {
  let file = parsed.get(bytes);
  if (!file) {
    file = parse(bytes);
    parsed.set(bytes, file);
  }
  return file;
}

function parse(bytes: Buffer): CertificateFile {
  const text = bytes.toString('latin1');
  const blocks = text.match(PEM_CERTIFICATE);
  try {
    if (blocks) return { certificates: blocks.map((b) => decoded(new X509Certificate(b))) };
    if (bytes[0] === 0x30) return { certificates: [decoded(new X509Certificate(bytes))] };
  } catch (error) {
    return { certificates: [], problem: `is not a readable X.509 certificate (${(error as Error).message})` };
  }
  return { certificates: [], problem: 'holds no certificate (expected a PEM "BEGIN CERTIFICATE" block or DER)' };
}

/**
 * The certificate, once every part the rules read has decoded: node decodes the public key and the
 * names only when first asked, so a damaged file (two base64 lines swapped) can construct and then
 * throw inside a rule. Asked here, the damage is the file's problem, found where it is read.
 */
function decoded(cert: X509Certificate): X509Certificate {
  void [cert.publicKey, cert.subject, cert.issuer, cert.validFrom, cert.validTo, cert.serialNumber, cert.fingerprint256, cert.subjectAltName];
  return cert;
}

/**
 * The subject's serialNumber attribute (OID 2.5.4.5), which is where a SITHS function certificate
 * carries the system's HSA-id. Node prints the subject one attribute per line, escaping specials.
 */
export function subjectSerialNumber(cert: X509Certificate): string | undefined {
  for (const line of cert.subject.split('\n')) {
    const m = /^serialNumber=(.*)$/.exec(line);
    if (m) return m[1].replace(/\\(.)/g, '$1');
  }
  return undefined;
}

/** The subject's common name, to name a certificate in messages. */
export function commonName(cert: X509Certificate): string {
  const m = /^CN=(.*)$/m.exec(cert.subject);
  return m ? m[1] : cert.subject.replace(/\n/g, ', ');
}

/**
 * Whether `issuer` issued `cert`: names match and the signature verifies with the issuer's key.
 * Answered once per pair: environments share certificates (test and qa often use the same one), and
 * each checks its chains.
 */
export function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  const answers = answersFor(cert);
  let answer = answers.get(issuer);
  if (answer === undefined) answers.set(issuer, (answer = verifiedBy(cert, issuer)));
  return answer;
}

const issuers = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

function answersFor(cert: X509Certificate): WeakMap<X509Certificate, boolean> {
  let answers = issuers.get(cert);
  if (!answers) issuers.set(cert, (answers = new WeakMap()));
  return answers;
}

function verifiedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Certificate validity as instants (node 20 gives them as text such as "Nov 22 23:53:04 2031 GMT"). */
export function validity(cert: X509Certificate): { from: Date; to: Date } {
  return { from: new Date(cert.validFrom), to: new Date(cert.validTo) };
}

/**
 * Files read together, elsewhere (read-thread.ts): each file as `readCertificateFile` reads it, and
 * `issuedBy`'s answer for every pair of their certificates whose names say that one may have issued
 * the other (the pairs a chain is built from), as [certificate, issuer, answer] with the batch's
 * certificates numbered file by file.
 */
export interface CertificateBatch {
  files: CertificateFile[];
  issued: [number, number, boolean][];
}

/** Reads files as they come, answering for each new certificate the issuer checks its names call for. */
export class BatchReader {
  private readonly files: CertificateFile[] = [];
  private readonly certificates: X509Certificate[] = [];
  private readonly issued: [number, number, boolean][] = [];
  /** Certificate numbers by subject, and by issuer. */
  private readonly bySubject = new Map<string, number[]>();
  private readonly byIssuer = new Map<string, number[]>();

  add(bytes: Buffer): void {
    const file = parse(bytes);
    this.files.push(file);
    for (const cert of file.certificates) {
      const n = this.certificates.push(cert) - 1;
      listed(this.bySubject, cert.subject).push(n);
      listed(this.byIssuer, cert.issuer).push(n);
      for (const issuer of this.bySubject.get(cert.issuer) ?? []) this.answer(n, issuer);
      for (const issued of this.byIssuer.get(cert.subject) ?? []) if (issued !== n) this.answer(issued, n);
    }
  }

  get batch(): CertificateBatch {
    return { files: this.files, issued: this.issued };
  }

  private answer(cert: number, issuer: number): void {
    this.issued.push([cert, issuer, verifiedBy(this.certificates[cert], this.certificates[issuer])]);
  }
}

function listed(index: Map<string, number[]>, name: string): number[] {
  let list = index.get(name);
  if (!list) index.set(name, (list = []));
  return list;
}

/** Takes a batch read elsewhere from `buffers` as if they had been read here. */
export function adoptBatch(buffers: readonly Buffer[], batch: CertificateBatch): void {
  buffers.forEach((bytes, i) => parsed.set(bytes, batch.files[i]));
  const certificates = batch.files.flatMap((f) => f.certificates);
  for (const [cert, issuer, answer] of batch.issued) answersFor(certificates[cert]).set(certificates[issuer], answer);
}
