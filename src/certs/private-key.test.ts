import { generateKeyPairSync } from 'node:crypto';
import { findPrivateKey } from './private-key';

describe('findPrivateKey', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  it('recognises PEM blocks of every flavour, with their line', () => {
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string;
    expect(findPrivateKey(Buffer.from(`a\nb\n${pkcs8}`))).toEqual({ kind: 'a PEM "PRIVATE KEY" block', line: 3 });
    expect(findPrivateKey(Buffer.from(sec1))?.kind).toBe('a PEM "EC PRIVATE KEY" block');
    expect(findPrivateKey(Buffer.from(encrypted))?.kind).toBe('a PEM "ENCRYPTED PRIVATE KEY" block');
  });

  it('recognises DER keys, plain and encrypted', () => {
    expect(findPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }))?.kind).toBe('a DER-encoded private key');
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'x' });
    expect(findPrivateKey(encrypted)?.kind).toBe('a DER-encoded private key');
  });

  it('does not take a certificate, or prose that names the block, for a key', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(findPrivateKey(Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }) as string))).toBeUndefined();
    expect(findPrivateKey(Buffer.from('never commit a -----BEGIN PRIVATE KEY----- block'))).toBeUndefined();
    expect(findPrivateKey(Buffer.from('plain text'))).toBeUndefined();
  });
});
