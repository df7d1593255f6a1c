/**
 * `npm run bench`: for each size (expanded routing entries + authorizations), generate a synthetic
 * repository once (cached under bench/.cache/), then run every case in bench/cases/ in its own
 * process and print a table of wall time and peak memory. A benchmark, not a test: it asserts nothing.
 *
 *   npm run bench                 # 10k, 100k and 1M entries, every case
 *   npm run bench -- 10000 plan   # one size, the cases whose file name contains "plan"
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { generateRepository, isGenerated } from './generate';

const here = __dirname;
const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const filters = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const cases = readdirSync(path.join(here, 'cases'))
  .filter((f) => f.endsWith('.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();

async function main(): Promise<void> {
  const rows: string[] = ['| entries | case | seconds | peak MiB |', '| ---: | --- | ---: | ---: |'];
  for (const size of sizes.length ? sizes : [10_000, 100_000, 1_000_000]) {
    const repo = path.join(here, '.cache', `repo-${size}`);
    if (!isGenerated(repo, { entries: size })) await generateRepository(repo, { entries: size });
    for (const file of cases) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'child.ts'), path.join(here, 'cases', file), repo], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      });
      const result = JSON.parse(out.trim().split('\n').pop()!) as { name: string; seconds: number; peakMiB: number };
      const row = `| ${size.toLocaleString('en')} | ${result.name} | ${result.seconds.toFixed(2)} | ${Math.round(result.peakMiB)} |`;
      rows.push(row);
      process.stderr.write(`${row}\n`);
    }
  }
  process.stdout.write(`\n${rows.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
