/**
 * Certificates read on a second thread while the loader reads the declarations: parsing X.509 and
 * verifying signatures cost about 0.2 ms per certificate, a tenth of a second for a catalog of a
 * few hundred systems, which the loader's own thread would otherwise spend before the rules run.
 * The thread answers once every file is sent; its answers are taken as if this thread had read the
 * files (`adoptBatch`), so the rules see exactly what they would have read themselves. Should the
 * thread fail, nothing is taken and each file is read here when first asked for, as without it.
 */
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { adoptBatch, BatchReader, type CertificateBatch } from './read';

/** This module as the thread loads it: compiled JavaScript, or through tsx when run from the sources. */
const SELF = path.join(__dirname, `read-thread${path.extname(__filename)}`);

/** What the loading thread says: some files' bytes, or that every file is sent. */
type Message = Uint8Array[] | 'done';

/** Files sent at once: a message costs tens of microseconds of the loading thread, and the thread should start early. */
const BATCH = 32;

export class CertificateThread {
  private readonly worker: Worker;
  private readonly sent: Buffer[] = [];
  private pending: ReturnType<typeof Uint8Array.from>[] = [];
  private readonly answer: Promise<CertificateBatch | undefined>;

  constructor() {
    const bootstrap = `${SELF.endsWith('.ts') ? "require('tsx/cjs'); " : ''}require(${JSON.stringify(SELF)});`;
    this.worker = new Worker(bootstrap, { eval: true, workerData: { certificateThread: true } });
    this.worker.unref();
    this.answer = new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.once('error', () => resolve(undefined));
      this.worker.once('exit', () => resolve(undefined));
    });
  }

  /** Sends a file to be read (with the next few): a copy of its bytes, handed over whole (a small file's buffer is a view of a shared pool). */
  add(bytes: Buffer): void {
    this.sent.push(bytes);
    this.pending.push(Uint8Array.from(bytes));
    if (this.pending.length === BATCH) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.worker.postMessage(this.pending satisfies Message, this.pending.map((copy) => copy.buffer));
    this.pending = [];
  }

  /** Waits for the thread's answers and takes them, if it gave any (whether it did); the thread is gone afterwards. */
  async finish(): Promise<boolean> {
    this.flush();
    this.worker.postMessage('done' satisfies Message);
    const batch = await this.answer;
    if (batch) adoptBatch(this.sent, batch);
    await this.stop();
    return batch !== undefined;
  }

  /** Ends the thread, answered or not. */
  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

if (parentPort && (workerData as { certificateThread?: boolean } | undefined)?.certificateThread) {
  const port = parentPort;
  const reader = new BatchReader();
  port.on('message', (message: Message) => {
    if (message === 'done') port.postMessage(reader.batch);
    else for (const bytes of message) reader.add(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
