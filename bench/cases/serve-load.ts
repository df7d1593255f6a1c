/**
 * `tak serve` under load: autocannon, 50 concurrent connections on the loopback, 10 s, against a
 * filtered TAK-api query (the routing entries of one logical address, three relations included).
 * Prints the latency percentiles, the request rate and the failures.
 */
import autocannon from 'autocannon';
import { BENCH_ENV, filteredQuery, startServe } from '../serve';
import { scriptCase } from '../script';

/** Measures the case and prints its figures on stderr. */
export async function measure(repo: string): Promise<void> {
  const server = await startServe(repo, ['--env', BENCH_ENV]);
  try {
    const path = await filteredQuery(server.base, BENCH_ENV);
    const result = await autocannon({ url: `${server.base}${path}`, connections: 50, duration: 10 });
    const failed = result.errors + result.timeouts + result.non2xx;
    process.stderr.write(
      `serve load: ${path}: ${result.requests.total} requests, ${Math.round(result.requests.average)}/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target < 50), max ${result.latency.max} ms, ${failed} failed; server peak ${server.peakMiB().toFixed(0)} MiB\n`,
    );
  } finally {
    await server.stop();
  }
}

export default scriptCase(module, 'serve: TAK-api load (50 clients)', measure);
