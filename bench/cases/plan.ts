/**
 * `tak plan --base HEAD` after a 1% change (bench/generate.ts `changeOnePercent`): base from the git
 * object database, head from the working tree, the pack with the process gates, the Markdown report
 * and the orders written to a temporary --out folder.
 *
 * The change is made by a child process, and undone afterwards (`git checkout` and `git clean` of
 * environments/ in the generated repository, never in this one); the child process keeps the model
 * the generator builds out of this process's peak memory; the time of the plan alone goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { runTak } from '../cli';
import type { BenchCase } from '../types';

function changeOnePercent(repo: string): void {
  const generator = path.join(__dirname, '..', 'generate.ts');
  const script = `require(${JSON.stringify(generator)}).changeOnePercent(${JSON.stringify(repo)}).catch((e) => { console.error(e); process.exit(1); })`;
  execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const bench: BenchCase = {
  name: 'plan (1% change)',
  async run(repo) {
    changeOnePercent(repo);
    const out = mkdtempSync(path.join(path.dirname(repo), 'plan-out-'));
    try {
      const start = process.hrtime.bigint();
      const code = await runTak(['plan', '-C', repo, '--base', 'HEAD', '-f', 'markdown', '--out', out], 300);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      process.stderr.write(`plan alone: ${seconds.toFixed(2)} s (exit ${code})\n`);
      if (code === 2) throw new Error('tak plan could not run');
    } finally {
      rmSync(out, { recursive: true, force: true });
      execFileSync('git', ['checkout', '-q', 'HEAD', '--', 'environments'], { cwd: repo });
      execFileSync('git', ['clean', '-fdq', '--', 'environments'], { cwd: repo });
    }
  },
};

export default bench;
