import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { findPrivateKey, findPrivateKeyInValue } from './private-key';

/** The start of a PKCS#12 store (version 3, authSafe of type pkcs7-data), in BER with indefinite lengths or in DER. */
const PFX_BER = Buffer.from('3080020103308006092a864886f70d010701a0802480040401020304000000000000', 'hex');
const PFX_DER = Buffer.from('3019020103301406092a864886f70d010701a00704050102030405', 'hex');

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

  describe('wrapped', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const indent = (prefix: string) => pem.trimEnd().split('\n').map((l) => prefix + l).join('\n');

    it.each([
      ['indented in a YAML block scalar', `key: |\n${indent('  ')}\n`, 2],
      ['in a Markdown quote', `# Notes\n\n${indent('> ')}\n`, 3],
      ['in an indented Markdown code block', `Notes:\n\n${indent('    ')}\n`, 3],
      ['as a JSON-quoted string', `organisation: ${JSON.stringify(pem)}\n`, 1],
      ['with CRLF line ends', pem.replace(/\n/g, '\r\n'), 1],
    ])('finds a PEM key %s', (_, text, line) => {
      expect(findPrivateKey(Buffer.from(text))).toEqual({ kind: 'a PEM "PRIVATE KEY" block', line });
    });

    it('finds a PEM key in UTF-16, either byte order', () => {
      expect(findPrivateKey(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, 'utf16le')]))?.kind).toBe('a PEM "PRIVATE KEY" block');
      expect(findPrivateKey(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(pem, 'utf16le').swap16()]))?.kind).toBe('a PEM "PRIVATE KEY" block');
    });

    it('finds PKCS#12 stores in DER and in BER (indefinite lengths)', () => {
      expect(findPrivateKey(PFX_DER)?.kind).toBe('a PKCS#12 (PFX) key store');
      expect(findPrivateKey(PFX_BER)?.kind).toBe('a PKCS#12 (PFX) key store');
    });

    it('finds keys base64-encoded, as a Kubernetes Secret holds them, also wrapped over lines', () => {
      const secret = (bytes: Buffer) => `apiVersion: v1\nkind: Secret\ndata:\n  tls.key: ${bytes.toString('base64')}\n`;
      expect(findPrivateKey(Buffer.from(secret(Buffer.from(pem))))).toEqual({ kind: 'a PEM "PRIVATE KEY" block, base64-encoded', line: 4 });
      expect(findPrivateKey(Buffer.from(secret(Buffer.concat([PFX_BER, Buffer.alloc(40, 1)]))))?.kind).toBe('a PKCS#12 (PFX) key store, base64-encoded');
      const der = privateKey.export({ type: 'pkcs8', format: 'der' });
      const wrapped = der.toString('base64').replace(/.{1,60}/g, '    $&\n');
      expect(findPrivateKey(Buffer.from(`key: |\n${wrapped}`))?.kind).toBe('a DER-encoded private key, base64-encoded');
    });

    it('finds the smallest key there is base64-encoded (an Ed25519 key: 64 characters), among URL paths that are not decoded', () => {
      const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
      expect(ed25519).toHaveLength(64);
      const urls = Array.from({ length: 50 }, (_, i) => `  - https://x.example.se/clinicalprocess/GetCareContacts${i}/3/rivtabp21`).join('\n');
      expect(findPrivateKey(Buffer.from(`urls:\n${urls}\nkey: ${ed25519}\n`))).toEqual({ kind: 'a DER-encoded private key, base64-encoded', line: 52 });
      expect(findPrivateKey(Buffer.from(`urls:\n${urls}\n`))).toBeUndefined();
    });

    it('finds a gzip-compressed key, also base64-encoded', () => {
      expect(findPrivateKey(gzipSync(pem))?.kind).toBe('a PEM "PRIVATE KEY" block, gzip-compressed');
      expect(findPrivateKey(Buffer.from(`blob: ${gzipSync(pem).toString('base64')}`))?.kind).toBe('a PEM "PRIVATE KEY" block, gzip-compressed, base64-encoded');
    });

    it('finds key material in a decoded value, and not in an ordinary long value', () => {
      expect(findPrivateKeyInValue(pem)?.kind).toBe('a PEM "PRIVATE KEY" block');
      expect(findPrivateKeyInValue(Buffer.from(pem).toString('base64'))?.kind).toBe('a PEM "PRIVATE KEY" block, base64-encoded');
      expect(findPrivateKeyInValue('https://formular.qa.example.se/forminteraction/GetForms/2/rivtabp21')).toBeUndefined();
      const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
      expect(findPrivateKeyInValue(`key ${ed25519}`)?.kind).toBe('a DER-encoded private key, base64-encoded');
      expect(findPrivateKeyInValue('PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x')?.kind).toBe('a PuTTY private key file');
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      expect(findPrivateKeyInValue(publicKey.export({ type: 'spki', format: 'der' }).toString('base64'))).toBeUndefined();
    });
  });
});
