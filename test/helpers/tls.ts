/**
 * TLS material for tests that run real HTTPS servers on 127.0.0.1: a server certificate (with the
 * serverAuth purpose and the address in its subjectAltName) and client certificates, each with its
 * private key as PEM, issued by a CA made in the test. Keys exist only in memory and temp folders.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { issue, privateKeyPem, type TestCa } from './certs';

export interface KeyedCertificate {
  cert: string;
  key: string;
}

export async function serverCertificate(ca: TestCa, address = '127.0.0.1'): Promise<KeyedCertificate> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: `5e${Date.now().toString(16)}`,
    subject: `CN=${address}`,
    issuer: ca.cert.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: alg,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: address }]),
    ],
  });
  return { cert: cert.toString('pem'), key: x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY') };
}

/** A client (function) certificate with its key. */
export async function clientCertificate(ca: TestCa, serialNumber: string): Promise<KeyedCertificate> {
  const client = await issue(ca, { serialNumber, commonName: 'tak-gitops.example.se' });
  return { cert: client.pem, key: await privateKeyPem(client) };
}
