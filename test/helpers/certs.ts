/**
 * The certificate factory for tests, the synthetic bench repositories and the example data: CAs and
 * function certificates made on the spot with @peculiar/x509 over node's WebCrypto. Private keys stay
 * in memory; only public PEM is returned.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type KeyPair = webcrypto.CryptoKeyPair;

export type KeySpec = { rsa: number } | { ec: 'P-256' | 'P-384' };

function algorithm(spec: KeySpec) {
  return 'rsa' in spec
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: spec.rsa, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: spec.ec, hash: 'SHA-256' };
}

export interface TestCa {
  name: string;
  pem: string;
  cert: x509.X509Certificate;
  keys: KeyPair;
  key: KeySpec;
}

export interface Validity {
  notBefore?: Date;
  notAfter?: Date;
}

const DEFAULT_VALIDITY = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, '0');

/** A self-signed CA (`test` CA or production-like, as the caller names it). */
export async function makeCa(name: string, key: KeySpec = { ec: 'P-256' }, validity: Validity = {}): Promise<TestCa> {
  const alg = algorithm(key);
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as KeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `C=SE, O=Example CA Org, CN=${name}`,
    ...DEFAULT_VALIDITY,
    ...validity,
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 2, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { name, pem: cert.toString('pem'), cert, keys, key };
}

export interface LeafOptions extends Validity {
  /** The subject serialNumber (OID 2.5.4.5); omitted when null. */
  serialNumber: string | null;
  commonName?: string;
  organisation?: string;
  key?: KeySpec;
  /** Issue it as an intermediate CA rather than a leaf. */
  ca?: boolean;
  /** Issue it as a TLS server certificate for this host name (and 127.0.0.1) rather than a function certificate. */
  server?: string;
}

/** What a SITHS function certificate (funktionscertifikat) says it is for: TLS client authentication. */
const FUNCTION_CERTIFICATE = [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
  new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
];

/** A TLS server certificate for `host` on the loopback address. */
const serverCertificate = (host: string) => [
  new x509.BasicConstraintsExtension(false, undefined, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
  new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
  new x509.SubjectAlternativeNameExtension([
    { type: 'dns', value: host },
    { type: 'ip', value: '127.0.0.1' },
  ]),
];

/** A certificate signed by `issuer`, with its own fresh key. */
export async function issue(issuer: TestCa, options: LeafOptions): Promise<TestCa> {
  const key = options.key ?? { ec: 'P-256' };
  const alg = algorithm(key);
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as KeyPair;
  const cn = options.commonName ?? 'system.example.se';
  const subject = new x509.Name([
    { C: ['SE'] },
    { O: [options.organisation ?? 'Example'] },
    { CN: [cn] },
    ...(options.serialNumber === null ? [] : [{ '2.5.4.5': [options.serialNumber] }]),
  ]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject,
    issuer: issuer.cert.subject,
    ...DEFAULT_VALIDITY,
    notBefore: options.notBefore ?? DEFAULT_VALIDITY.notBefore,
    notAfter: options.notAfter ?? DEFAULT_VALIDITY.notAfter,
    signingAlgorithm: algorithm(issuer.key),
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    extensions: options.ca ? [new x509.BasicConstraintsExtension(true, 0, true)] : options.server ? serverCertificate(options.server) : FUNCTION_CERTIFICATE,
  });
  return { name: cn, pem: cert.toString('pem'), cert, keys, key };
}

/** A private key as a PEM block, for the tests that must find one (written only into temp folders). */
export async function privateKeyPem(pair: TestCa): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', pair.keys.privateKey), 'PRIVATE KEY');
}
