/**
 * Certificates for the synthetic repository: a test CA and a production CA, and per consumer system
 * one function certificate from each, with the system's HSA-id as subject serialNumber (2.5.4.5),
 * as the platform reads a caller's identity. EC P-256 keys; private keys stay in memory.
 * Valid from 2025-01-01 for 20 years, so that the benchmark repositories do not rot.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type KeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const NOT_AFTER = new Date('2045-01-01T00:00:00Z');

export interface Authority {
  name: string;
  certificate: x509.X509Certificate;
  keys: KeyPair;
}

async function keyPair(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])) as KeyPair;
}

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(16, '0');

export async function createAuthority(name: string): Promise<Authority> {
  const keys = await keyPair();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: new x509.Name([{ C: ['SE'] }, { O: ['Synthetic CA Org'] }, { CN: [name] }]),
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name, certificate, keys };
}

/** A function certificate (funktionscertifikat) for `hsaId`, issued by `ca`, as PEM. */
export async function issueFunctionCertificate(ca: Authority, subject: { hsaId: string; organisation: string; host: string }): Promise<string> {
  const keys = await keyPair();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: new x509.Name([{ C: ['SE'] }, { O: [subject.organisation] }, { CN: [subject.host] }, { '2.5.4.5': [subject.hsaId] }]),
    issuer: ca.certificate.subject,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return `${certificate.toString('pem')}\n`;
}
