import type { X509Certificate } from 'node:crypto';

/** The weakest keys the platform's SITHS profile accepts. */
export const MIN_RSA_BITS = 2048;
export const MIN_EC_BITS = 256;

/**
 * Why a certificate's public key is too weak, or undefined when it is strong enough. EC strength is
 * read from the curve name (prime256v1, secp384r1, brainpoolP512r1: the field size in bits).
 */
export function keyWeakness(cert: X509Certificate): string | undefined {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
    case 'dsa': {
      const bits = details.modulusLength ?? 0;
      return bits < MIN_RSA_BITS ? `has a ${bits}-bit ${key.asymmetricKeyType.toUpperCase()} key; at least ${MIN_RSA_BITS} bits are required` : undefined;
    }
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown';
      const bits = Number(/(\d{3})/.exec(curve)?.[1] ?? 0);
      return bits < MIN_EC_BITS ? `has an EC key on curve ${curve} (${bits || 'unknown'} bits); at least ${MIN_EC_BITS} bits are required` : undefined;
    }
    default:
      return undefined;
  }
}
