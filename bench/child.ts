/**
 * Runs one bench case in this process and prints its wall time and peak memory as JSON:
 * `tsx bench/child.ts <case file> <repository folder>`.
 */
import * as path from 'node:path';
import type { BenchCase } from './types';

async function main(caseFile: string, repo: string): Promise<void> {
  const mod = (await import(path.resolve(caseFile))) as { default: BenchCase | { default: BenchCase } };
  const bench = 'run' in mod.default ? mod.default : mod.default.default;
  const start = process.hrtime.bigint();
  const measured = await bench.run(repo);
  const seconds = measured ? measured.seconds : Number(process.hrtime.bigint() - start) / 1e9;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name: bench.name, seconds, peakMiB })}\n`);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
