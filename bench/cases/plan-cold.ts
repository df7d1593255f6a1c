/**
 * `tak plan --base HEAD` after a 1% change (bench/generate.ts `changeOnePercent`), with no parse
 * cache: base from the git object database, head from the working tree, the pack with the process
 * gates, the Markdown report and the orders written to an --out folder. The change is made before
 * and undone after (`git checkout` and `git clean` of environments/ in the generated repository).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchCase } from '../types';
import { tak } from '../tak';

function changeOnePercent(repo: string): void {
  const generator = path.join(__dirname, '..', 'generate.ts');
  const script = `require(${JSON.stringify(generator)}).changeOnePercent(${JSON.stringify(repo)}).catch((e) => { console.error(e); process.exit(1); })`;
  execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const out = (repo: string) => `${repo}-plan-out`;

/** The plan case with or without the cache that earlier runs left in the repository's .git/. */
export function planCase(name: string, cached: boolean): BenchCase {
  return {
    name,
    before(repo) {
      if (!cached) rmSync(path.join(repo, '.git', 'tak'), { recursive: true, force: true });
      changeOnePercent(repo);
    },
    command: (repo) => tak('plan', '-C', repo, '--base', 'HEAD', '-f', 'markdown', '--out', out(repo), '--force'),
    exitCodes: [0, 1],
    after(repo) {
      rmSync(out(repo), { recursive: true, force: true });
      execFileSync('git', ['checkout', '-q', 'HEAD', '--', 'environments'], { cwd: repo });
      execFileSync('git', ['clean', '-fdq', '--', 'environments'], { cwd: repo });
    },
  };
}

export default planCase('plan (1% change, no cache)', false);
