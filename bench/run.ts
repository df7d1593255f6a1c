/**
 * `npm run bench`: for each size (expanded routing entries + authorizations), generate a synthetic
 * repository once (cached under bench/.cache/), then run the floor (three times, the median counts)
 * and every case in bench/cases/ as a command from the shell (its own process: start-up counts, the
 * peak memory is its own), and print wall time, the ratio to the floor measured in the same run, and peak memory.
 * A case whose target is a ratio to the floor runs three times, each right after a run of the floor,
 * and its median is compared with theirs. A benchmark, not a test: it asserts nothing, but marks the
 * targets on the largest size.
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

const median = (runs: Figure[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[runs.length >> 1];

/**
 * The floor, as the median of three runs: every ratio of the size divides by it, so one slow or fast
 * run of it (this machine's speed drifts) would move them all.
 */
function floorOf(repo: string): Figure {
  return median([0, 1, 2].map(() => measure(load(FLOOR), repo)));
}

/**
 * A case whose target is a ratio to the floor: run three times, each right after a run of the floor,
 * and the medians compared. This machine's speed drifts by half within minutes, and a case measured
 * once, minutes after the floor of its size, read as far as 1.5× to 2.9× the floor from one full run
 * to the next.
 */
function measureWithFloor(bench: BenchCase, repo: string): { figure: Figure; floor: Figure } {
  const floors: Figure[] = [];
  const figures: Figure[] = [];
  for (let i = 0; i < 3; i++) {
    floors.push(measure(load(FLOOR), repo));
    figures.push(measure(bench, repo));
  }
  return { figure: median(figures), floor: median(floors) };
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
      const paired = id !== FLOOR && bench.target?.timesFloor ? measureWithFloor(bench, repo) : undefined;
      const figure = id === FLOOR ? floor : (paired?.figure ?? measure(bench, repo));
      const base = paired?.floor ?? floor;
      const name = paired ? `${bench.name} (median of 3, each after the floor: ${base.seconds.toFixed(2)} s)` : bench.name;
      const row = `| ${size.toLocaleString('en')} | ${name} | ${figure.seconds.toFixed(2)} | ${(figure.seconds / base.seconds).toFixed(2)} | ${Math.round(figure.peakMiB)} | ${verdict(bench, size, figure, base)} |`;
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
