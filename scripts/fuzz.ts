/**
 * `npm run fuzz -- [DURATION] [--seed N]`: the mutation fuzzer. For as long as DURATION (`90s`, `30m`,
 * `2h`, or seconds; default 60 s), it mutates a copy of the example repository (sometimes its base
 * commit too) and runs the real CLI on it, `tak validate` in every format and `tak plan --base HEAD`,
 * each in its own process. It fails on any exit other than 0, 1 or 2, a stack trace, JSON output that
 * does not parse, or a command that hangs (5 minutes), and prints the smallest failing mutation it
 * can find with the seed and path to replay it. `npm test` runs the same mutations in-process, bounded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, commitAll, crashOf, editPlan, exampleRepository } from '../test/fuzz/mutations';

const TAK = path.join(__dirname, '..', 'bin', 'tak.js');
const HANG_MS = 5 * 60_000;
const NOW = '2026-06-01';

function parseDuration(text: string | undefined): number {
  if (text === undefined) return 60_000;
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (!m) {
    process.stderr.write(`fuzz: ${text} is not a duration; write it as 90s, 30m, 2h or a number of seconds\n`);
    process.exit(2);
  }
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 's' | 'm' | 'h'];
}

function options(argv: string[]) {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : Date.now() % 2 ** 31;
  const rest = seedAt >= 0 ? argv.filter((_, i) => i !== seedAt && i !== seedAt + 1) : argv;
  return { durationMs: parseDuration(rest[0]), seed };
}

function tak(args: string[]) {
  const run = spawnSync(process.execPath, [TAK, ...args], { encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** One case: both commands on one mutated repository; the problem found, if any. */
function runCase(edits: Parameters<typeof applyEdits>[1], baseEdits: Parameters<typeof applyEdits>[1] | undefined, format: string, typescript: boolean, out: boolean): string | undefined {
  const root = exampleRepository();
  const outDir = mkdtempSync(path.join(tmpdir(), 'tak-fuzz-out-'));
  try {
    if (baseEdits) {
      applyEdits(root, baseEdits);
      commitAll(root);
    }
    applyEdits(root, edits);
    const ts = typescript ? ['--typescript-timeout', '10'] : ['--no-typescript'];
    const validate = tak(['validate', '-C', root, '-f', format, '--now', NOW, ...ts]);
    const validateCrash = crashOf(validate, format);
    if (validateCrash) return `tak validate -f ${format}: ${validateCrash}\n${validate.stderr.slice(0, 4000)}`;
    const planFormat = format === 'sarif' ? 'json' : format;
    const plan = tak(['plan', '--base', 'HEAD', '-C', root, '-f', planFormat, '--now', NOW, ...ts, ...(out ? ['--out', outDir, '--force'] : [])]);
    const planCrash = crashOf(plan, planFormat);
    if (planCrash) return `tak plan -f ${planFormat}: ${planCrash}\n${plan.stderr.slice(0, 4000)}`;
    return undefined;
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { durationMs, seed } = options(process.argv.slice(2));
  process.stderr.write(`fuzz: seed ${seed}, for ${Math.round(durationMs / 1000)} s\n`);
  let runs = 0;
  const started = Date.now();
  const property = fc.property(
    editPlan(5),
    fc.option(editPlan(3), { nil: undefined }),
    fc.constantFrom('text', 'json', 'sarif', 'markdown'),
    fc.boolean(),
    fc.boolean(),
    (edits, baseEdits, format, typescript, out) => {
      runs++;
      if (runs % 25 === 0) process.stderr.write(`fuzz: ${runs} cases in ${Math.round((Date.now() - started) / 1000)} s\n`);
      const problem = runCase(edits, baseEdits, format, typescript, out);
      if (problem) throw new Error(problem);
    },
  );
  const result = await fc.check(property, { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: durationMs, markInterruptAsFailure: false });
  if (result.failed) {
    // The report names the smallest case; what it did (the crash and its stderr) is the error's message.
    process.stderr.write(`${fc.defaultReportMessage(result)}\n\n${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`fuzz: ${result.numRuns} cases, no crash (seed ${seed})\n`);
}

void main();
