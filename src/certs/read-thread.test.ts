/** Certificates read on a second thread: the loader's thread then sees what it would have read itself. */
import { X509Certificate } from 'node:crypto';
import { issue, makeCa } from '../../test/helpers/certs';
import { makeRepo, removeRepo, validateRepo } from '../../test/helpers/minimal-repo';
import { compliant, NOW } from '../../test/helpers/repo';
import { issuedBy, readCertificateFile } from './read';
import { CertificateThread } from './read-thread';

/** A CA, an intermediate it issued, a leaf of each, a bundle, a DER file and two files that are no certificate. */
async function files(): Promise<Buffer[]> {
  const ca = await makeCa('Thread Root CA');
  const intermediate = await issue(ca, { serialNumber: null, commonName: 'Thread Intermediate CA', ca: true });
  const leaf = await issue(intermediate, { serialNumber: 'SE0000000000-T001' });
  const other = await issue(ca, { serialNumber: 'SE0000000000-T002' });
  const damaged = leaf.pem.split('\n');
  [damaged[3], damaged[5]] = [damaged[5], damaged[3]];
  return [
    Buffer.from(ca.pem),
    Buffer.from(intermediate.pem),
    Buffer.from(`${leaf.pem}\n${intermediate.pem}`),
    Buffer.from(other.cert.rawData),
    Buffer.from(damaged.join('\n')),
    Buffer.from('no certificate here'),
  ];
}

/** What a file reads as, compared by content: fingerprints, or the problem. */
const summary = (bytes: Buffer) => {
  const file = readCertificateFile(bytes);
  return { fingerprints: file.certificates.map((c) => c.fingerprint256), problem: file.problem };
};

describe('CertificateThread', () => {
  it('gives each file the certificates and problems a read on this thread gives, and the same issuer answers', async () => {
    const sent = await files();
    const thread = new CertificateThread();
    for (const bytes of sent) thread.add(bytes);
    expect(await thread.finish()).toBe(true);

    const here = sent.map((bytes) => Buffer.from(bytes));
    expect(sent.map(summary)).toEqual(here.map(summary));
    expect(summary(sent[4]).problem).toMatch(/^is not a readable X\.509 certificate/);
    expect(summary(sent[5]).problem).toMatch(/holds no certificate/);

    const threaded = sent.flatMap((b) => readCertificateFile(b).certificates);
    const local = here.flatMap((b) => readCertificateFile(b).certificates);
    expect(threaded.every((c) => c instanceof X509Certificate)).toBe(true);
    const answers = (certs: X509Certificate[]) => certs.map((c) => certs.map((i) => issuedBy(c, i)));
    expect(answers(threaded)).toEqual(answers(local));
    // The chain is there to be found: the leaf by the intermediate, the intermediate by the root.
    expect(issuedBy(threaded[2], threaded[1])).toBe(true);
    expect(issuedBy(threaded[1], threaded[0])).toBe(true);
    expect(issuedBy(threaded[2], threaded[0])).toBe(false);
  }, 30_000);

  it('leaves the files to be read here when the thread answers nothing', async () => {
    const [root] = await files();
    const thread = new CertificateThread();
    thread.add(root);
    await thread.stop();
    expect(await thread.finish()).toBe(false);
    expect(summary(root)).toEqual(summary(Buffer.from(root)));
  }, 30_000);

  it('lets the rules find in a repository what they find when every certificate is read on the loading thread', async () => {
    const { files } = await compliant();
    const stranger = await issue(await makeCa('Unknown CA'), { serialNumber: 'SE0000000000-T003' });
    const damaged = files['config/systems/certs/consumer-prod.pem'].split('\n');
    [damaged[3], damaged[5]] = [damaged[5], damaged[3]];
    const root = makeRepo({ ...files, 'config/systems/certs/consumer-qa.pem': stranger.pem, 'config/systems/certs/consumer-prod.pem': damaged.join('\n') });
    try {
      const described = (result: Awaited<ReturnType<typeof validateRepo>>) => result.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.message}`);
      const here = described(await validateRepo(root, NOW));
      const threaded = described(await validateRepo(root, NOW, { certificateThreadFrom: 1 }));
      expect(threaded).toEqual(here);
      expect(here.some((f) => f.startsWith('certificate-chain '))).toBe(true);
      expect(here.some((f) => f.startsWith('certificate-readable '))).toBe(true);
    } finally {
      removeRepo(root);
    }
  }, 30_000);
});
