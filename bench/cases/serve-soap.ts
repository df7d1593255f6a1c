/**
 * `tak serve`: hamtaAllaVirtualiseringar over the whole of one environment, streamed to a client
 * that counts the bytes. Prints the time to the last byte and the server's peak memory (its own
 * process); the case's own row is start-up (loading the state) plus the call.
 */
import { BENCH_ENV, fetchCount, soapEnvelope, startServe } from '../serve';
import { scriptCase } from '../script';

/** Measures the case and prints its figures on stderr. */
export async function measure(repo: string): Promise<void> {
  const started = process.hrtime.bigint();
  const server = await startServe(repo, ['--env', BENCH_ENV]);
  const loaded = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const start = process.hrtime.bigint();
    const reply = await fetchCount(`${server.base}/${BENCH_ENV}/tak-services/SokVagvalsInfo/v2`, soapEnvelope('hamtaAllaVirtualiseringar'));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (reply.status !== 200) throw new Error(`hamtaAllaVirtualiseringar answered ${reply.status}`);
    process.stderr.write(
      `serve: ${BENCH_ENV} loaded in ${loaded.toFixed(2)} s; hamtaAllaVirtualiseringar streamed ${(reply.bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(2)} s (target < 10 s); server peak ${server.peakMiB().toFixed(0)} MiB (target < 1536)\n`,
    );
  } finally {
    await server.stop();
  }
}

export default scriptCase(module, 'serve: hamtaAllaVirtualiseringar', measure);
