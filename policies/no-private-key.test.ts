import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { privateKeyPem } from '../test/helpers/certs';
import { compliant, findingsOf } from '../test/helpers/repo';
import { makeRepo, removeRepo } from '../test/helpers/minimal-repo';
import { readWorkingTree } from '../src/pipeline';

/** A DER element: tag, length, content. */
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

/** The outline of a PFX: version 3 and authSafe of type pkcs7-data. */
function pkcs12Outline(): Buffer {
  const data = der(0x06, Buffer.from('2a864886f70d010701', 'hex'));
  return der(0x30, der(0x02, Buffer.from([3])), der(0x30, data, der(0xa0, der(0x04, Buffer.alloc(40, 7)))));
}

describe('no-private-key', () => {
  it('finds nothing in a repository of public certificates', async () => {
    expect(await findingsOf('no-private-key')).toEqual([]);
  });

  it('finds key material by content wherever it is and whatever it is called', async () => {
    const { testCa } = await compliant();
    const pem = await privateKeyPem(testCa);
    const found = await findingsOf('no-private-key', {
      'notes/readme.txt': `Our key, for convenience:\n\n${pem}`,
      'config/systems/certs/consumer-test.pem': `${(await compliant()).files['config/systems/certs/consumer-test.pem']}${pem}`,
      'tools/store.dat': pkcs12Outline(),
      'tools/keystore': Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]),
    });
    expect(found).toEqual([
      expect.stringMatching(/^prod config\/systems\/certs\/consumer-test.pem:\d+ error config\/systems\/certs\/consumer-test.pem holds a PEM "PRIVATE KEY" block; private keys must never be in the repository/),
      'prod notes/readme.txt:3 error notes/readme.txt holds a PEM "PRIVATE KEY" block; private keys must never be in the repository: delete the file, rewrite it out of the history and replace the key',
      expect.stringMatching(/^prod tools\/keystore:1 error tools\/keystore holds a Java key store \(JKS\)/),
      expect.stringMatching(/^prod tools\/store.dat:1 error tools\/store.dat holds a PKCS#12 \(PFX\) key store/),
    ]);
  });

  it('in a git work tree, scans what git would commit and leaves ignored files alone', async () => {
    const { files, testCa } = await compliant();
    const root = makeRepo(files, true);
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
    try {
      git('init', '-q');
      git('config', 'user.name', 'Test');
      git('config', 'user.email', 'test@example.se');
      writeFileSync(path.join(root, '.gitignore'), 'local/\n');
      const pem = await privateKeyPem(testCa);
      mkdirSync(path.join(root, 'local'));
      mkdirSync(path.join(root, 'deploy'));
      writeFileSync(path.join(root, 'local/dev.key'), pem);
      writeFileSync(path.join(root, 'deploy/tls.key'), pem);
      const state = await readWorkingTree(root);
      expect(state.catalog.privateKeys.map((k) => k.file)).toEqual(['deploy/tls.key']);
    } finally {
      removeRepo(root);
    }
  });
});
