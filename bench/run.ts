/**
 * `npm run bench`: for each size (expanded routing entries + authorizations), generate a synthetic
 * repository once (cached under bench/.cache/), then run the floor (three times, the median counts)
 * and every case in bench/cases/ as a command from the shell (its own process: start-up counts, the
 * peak memory is its own), and print wall time, the ratio to the floor measured in the same run, and peak memory. A benchmark,
 * not a test: it asserts nothing, but marks the targets on the largest size.
 *
 *   npm run bench                    # 10k, 100k and 1M entries, every case
 *   npm run bench -- 10000 plan      # one size, the cases whose file name contains "plan" (and what they need)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateRepository, isGenerated } from './generate';
import type { BenchCase } from './types';

const here = __dirname;
const FLOOR = 'parse-floor';
const TARGET_SIZE = 1_000_000;
const PEAK_TARGET_MIB = 1024;
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const filters = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));

const load = (id: string): BenchCase => (require(path.join(here, 'cases', id)) as { default: BenchCase }).default;
const all = readdirSync(path.join(here, 'cases')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

/** The chosen cases and, before them, every case they need (a filter may leave those out). */
function selected(): string[] {
  const chosen = new Set<string>();
  const add = (id: string) => {
    if (chosen.has(id)) return;
    for (const need of load(id).needs ?? []) add(need);
    chosen.add(id);
  };
  for (const id of all) if (id !== FLOOR && (filters.length === 0 || filters.some((x) => id.includes(x)))) add(id);
  return [...chosen];
}

interface Figure {
  seconds: number;
  peakMiB: number;
}

/** Runs the case's command with `node`, its output discarded, and measures it. */
function measure(bench: BenchCase, repo: string): Figure {
  bench.before?.(repo);
  const scratch = mkdtempSync(path.join(tmpdir(), 'tak-bench-'));
  const peakFile = path.join(scratch, 'peak');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--require', path.join(here, 'peak-memory.js'), ...bench.command(repo)], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, TAK_BENCH_PEAK: peakFile },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!(bench.exitCodes ?? [0]).includes(run.status ?? -1)) throw new Error(`${bench.name}: exit ${run.status ?? run.signal}`);
    return { seconds, peakMiB: Number(readFileSync(peakFile, 'utf8')) / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    bench.after?.(repo);
  }
}

/**
 * The floor, as the median of three runs: every ratio of the size divides by it, so one slow or fast
 * run of it (this machine's speed drifts) would move them all.
 */
function floorOf(repo: string): Figure {
  const runs = [0, 1, 2].map(() => measure(load(FLOOR), repo)).sort((a, b) => a.seconds - b.seconds);
  return runs[1];
}

/** The targets of the largest size, met or not. */
function verdict(bench: BenchCase, size: number, figure: Figure, floor: Figure): string {
  if (size !== TARGET_SIZE) return '';
  const checks: string[] = [];
  const t = bench.target;
  if (t?.timesFloor) checks.push(`${figure.seconds <= t.timesFloor * floor.seconds ? 'met' : 'MISSED'}: ≤ ${t.timesFloor}× floor`);
  if (t?.seconds) checks.push(`${figure.seconds <= t.seconds ? 'met' : 'MISSED'}: ≤ ${t.seconds} s`);
  checks.push(`${figure.peakMiB <= PEAK_TARGET_MIB ? 'met' : 'MISSED'}: ≤ 1 GiB`);
  return checks.join('; ');
}

async function main(): Promise<void> {
  const cases = selected();
  const rows = ['| entries | case | seconds | × floor | peak MiB | targets (1M) |', '| ---: | --- | ---: | ---: | ---: | --- |'];
  const growth = new Map<string, string[]>();
  const chosenSizes = sizes.length ? sizes : [10_000, 100_000, TARGET_SIZE];
  for (const size of chosenSizes) {
    const repo = path.join(here, '.cache', `repo-${size}`);
    if (!isGenerated(repo, { entries: size })) await generateRepository(repo, { entries: size });
    const floor = floorOf(repo);
    for (const id of [FLOOR, ...cases]) {
      const bench = load(id);
      const figure = id === FLOOR ? floor : measure(bench, repo);
      const row = `| ${size.toLocaleString('en')} | ${bench.name} | ${figure.seconds.toFixed(2)} | ${(figure.seconds / floor.seconds).toFixed(2)} | ${Math.round(figure.peakMiB)} | ${verdict(bench, size, figure, floor)} |`;
      rows.push(row);
      process.stderr.write(`${row}\n`);
      growth.set(bench.name, [...(growth.get(bench.name) ?? []), figure.seconds.toFixed(2)]);
    }
  }
  const sizeHeads = chosenSizes.map((s) => s.toLocaleString('en'));
  const growthRows = [`| case | ${sizeHeads.join(' | ')} |`, `| --- | ${sizeHeads.map(() => '---:').join(' | ')} |`];
  for (const [name, seconds] of growth) growthRows.push(`| ${name} | ${seconds.join(' | ')} |`);
  process.stdout.write(`\n${rows.join('\n')}\n\nseconds per size:\n\n${growthRows.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
