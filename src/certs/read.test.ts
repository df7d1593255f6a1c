/** Reading certificate files: a damaged one is a problem of the file, never an error inside a rule. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readCertificateFile } from './read';

const PEM = path.join(__dirname, '..', '..', 'config', 'systems', 'certs', 'region-exempel-journal-test.pem');

describe('readCertificateFile', () => {
  it('reads the shipped certificate', () => {
    const file = readCertificateFile(readFileSync(PEM));
    expect(file.problem).toBeUndefined();
    expect(file.certificates).toHaveLength(1);
  });

  it('reports a file whose public key does not decode, though the certificate constructs (found by npm run fuzz)', () => {
    const lines = readFileSync(PEM, 'utf8').split('\n');
    [lines[7], lines[15]] = [lines[15], lines[7]];
    const file = readCertificateFile(Buffer.from(lines.join('\n')));
    expect(file.certificates).toHaveLength(0);
    expect(file.problem).toMatch(/^is not a readable X\.509 certificate \(.*decode/);
  });
});
