/**
 * The compiled CLI (`build/`, what `npx tak` runs) has everything its commands read beside the code:
 * the report's assets, and the module `tak serve` loads a commit with in a worker thread. The other
 * tests run the sources, so these spawn `bin/tak.js` (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../plan/support';
import { exampleRepo } from '../serve/support';

const TAK = path.join(REPO_ROOT, 'bin', 'tak.js');
const NOW = ['--now', '2026-12-01'];

let root: string;
beforeAll(() => {
  root = exampleRepo();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('writes the report with its stylesheet and script', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'tak-compiled-')), 'report');
  try {
    const run = spawnSync(process.execPath, [TAK, 'report', '-C', root, '--out', out, ...NOW], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/does not exist|internal error/);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(out, 'assets', 'site.css'))).toBe(true);
    expect(existsSync(path.join(out, 'assets', 'site.js'))).toBe(true);
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}, 120_000);

it('serves the applied state, loaded in its worker thread', async () => {
  const server = spawn(process.execPath, [TAK, 'serve', '-C', root, '--env', 'test', '--port', '0', ...NOW], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let stderr = '';
    const base = await new Promise<string>((resolve, reject) => {
      server.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /listening on (http:\/\/\S+?):? /.exec(stderr);
        if (m) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`tak serve exited ${code}: ${stderr}`)));
    });
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(await health.text()).environments[0]).toEqual(expect.objectContaining({ serving: expect.objectContaining({ commit: expect.stringMatching(/^[0-9a-f]{40}$/) }) }));
  } finally {
    server.kill('SIGTERM');
  }
}, 120_000);
