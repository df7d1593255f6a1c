/**
 * `tak serve` follows the applied ref: the server starts on the applied commit (HEAD), a 1% change
 * is committed beside it (bench/generate.ts `changeOnePercent`, a commit no branch points at, made
 * with a temporary index), and the applied ref is moved to it while autocannon keeps 10 clients
 * busy. Prints the reload time (the server's own measure), the time until /health serves the new
 * commit, the failed requests, and the time of `tak validate` on the new commit's working tree.
 *
 * The generated repository is left as it was: the working tree is restored and the ref removed.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { checkRepository } from '../../src/check/engine';
import { readWorkingTree } from '../../src/pipeline';
import { pack } from '../../policies/pack';
import { BENCH_ENV, fetchCount, filteredQuery, startServe } from '../serve';
import { scriptCase } from '../script';

const REF = `refs/tak/applied/${BENCH_ENV}`;

function changeOnePercent(repo: string): void {
  const generator = path.join(__dirname, '..', 'generate.ts');
  const script = `require(${JSON.stringify(generator)}).changeOnePercent(${JSON.stringify(repo)}).catch((e) => { console.error(e); process.exit(1); })`;
  execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The working tree as a commit whose parent is HEAD, without moving any branch or the index. */
function commitAside(repo: string): string {
  const index = path.join(repo, '.git', 'bench-serve-index');
  const env = { ...process.env, GIT_INDEX_FILE: index, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.se', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.se' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
  try {
    git('read-tree', 'HEAD');
    git('add', '-A', '--', 'environments', 'config');
    return git('commit-tree', git('write-tree'), '-p', 'HEAD', '-m', 'bench: 1% change');
  } finally {
    rmSync(index, { force: true });
  }
}

async function validateSeconds(repo: string): Promise<number> {
  const start = process.hrtime.bigint();
  const repository = await readWorkingTree(repo);
  checkRepository([...repository.environments.values()], pack, { now: new Date(), repository });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Measures the case and prints its figures on stderr. */
export async function measure(repo: string): Promise<void> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  git('update-ref', REF, 'HEAD');
  let server;
  try {
    changeOnePercent(repo);
    const next = commitAside(repo);
    server = await startServe(repo, ['--env', BENCH_ENV, '--poll', '0.2']);
    const base = server.base;
    const path = await filteredQuery(base, BENCH_ENV);
    // The load runs until a second after the switch (or the 10-minute bound).
    let result: autocannon.Result | undefined;
    let load: autocannon.Instance | undefined;
    const finished = new Promise<void>((done) => {
      load = autocannon({ url: `${base}${path}`, connections: 10, duration: 600 }, (_error, r) => {
        result = r;
        done();
      });
    });
    await new Promise((r) => setTimeout(r, 2000));
    const moved = process.hrtime.bigint();
    git('update-ref', REF, next);
    let switched = 0;
    while (!switched && Number(process.hrtime.bigint() - moved) / 1e9 < 590) {
      await new Promise((r) => setTimeout(r, 50));
      const health = JSON.parse((await fetchCount(`${base}/health`)).text) as { environments: { serving?: { commit: string } }[] };
      if (health.environments[0].serving?.commit === next) switched = Number(process.hrtime.bigint() - moved) / 1e9;
    }
    await new Promise((r) => setTimeout(r, 1000));
    const reload = /tak_serve_reload_seconds\{env="[^"]+"\} ([\d.e-]+)/.exec((await fetchCount(`${base}/metrics`)).text)?.[1];
    load?.stop();
    await finished;
    const failed = result!.errors + result!.timeouts + result!.non2xx;
    const validate = await validateSeconds(repo);
    process.stderr.write(
      `serve reload: ${switched ? `serving the new commit ${switched.toFixed(2)} s after the ref moved` : 'NOT switched within 590 s'} (reload itself ${Number(reload).toFixed(2)} s; tak validate of that state ${validate.toFixed(2)} s); during it ${result!.requests.total} requests, ${failed} failed, latency p99 ${result!.latency.p99} ms, max ${result!.latency.max} ms; server peak ${server.peakMiB().toFixed(0)} MiB\n`,
    );
  } catch (error) {
    process.stderr.write(`serve reload failed; the server said:\n${server?.log() ?? ''}\n`);
    throw error;
  } finally {
    await server?.stop();
    git('update-ref', '-d', REF);
    git('checkout', '-q', 'HEAD', '--', 'environments', 'config');
    git('clean', '-fdq', '--', 'environments', 'config');
  }
}

export default scriptCase(module, 'serve: reload after the ref moves', measure);
