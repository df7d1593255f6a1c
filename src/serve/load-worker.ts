/**
 * The worker thread that reads and checks a commit (load-commit.ts), so that the server's own thread
 * keeps answering while a reload runs; only the prepared rows come back. One worker per load, gone
 * afterwards with all the memory the whole repository's state took.
 */
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { loadCommit, type LoadRequest, type LoadVerdict } from './load-commit';

/** This module as the worker loads it: compiled JavaScript, or through tsx when the CLI runs from its sources. */
const SELF = path.join(__dirname, `load-worker${path.extname(__filename)}`);

/** Runs `loadCommit` in a new worker thread. */
export function loadInWorker(request: LoadRequest): Promise<LoadVerdict[]> {
  const bootstrap = `${SELF.endsWith('.ts') ? "require('tsx/cjs'); " : ''}require(${JSON.stringify(SELF)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: request });
    let settled = false;
    worker.once('message', (message: { verdicts?: LoadVerdict[]; error?: string }) => {
      settled = true;
      if (message.verdicts) resolve(message.verdicts);
      else reject(new Error(message.error));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the loading thread stopped (exit ${code}) before it answered`));
    });
  });
}

if (parentPort && workerData && (workerData as LoadRequest).commit) {
  const port = parentPort;
  loadCommit(workerData as LoadRequest).then(
    (verdicts) => port.postMessage({ verdicts }),
    (error: Error) => port.postMessage({ error: error.message }),
  );
}
