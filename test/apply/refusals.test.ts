/**
 * What apply refuses, and failures that record nothing: a held or stale lock, a dirty tree, error
 * findings, a HEAD that does not contain the applied commit, an order endpoint that is down, and the
 * real terraform binary stopping at `init` because no provider can be downloaded here.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { APPLIED_NOTES_REF, appliedRef } from '../../src/applied';
import { processRunner } from '../../src/apply/runner';
import { compliant, connectionYaml } from '../helpers/repo';
import { clientCertificate, serverCertificate } from '../helpers/tls';
import { applyRepo, commit, git, NOW, RecordedRunner, tak } from './support';

// Real git repositories, servers and child processes: slow on a busy machine.
jest.setTimeout(240_000);

const apply = (root: string, env: string, ...more: string[]) => ['apply', '-C', root, '--env', env, '--auto-approve', '--now', NOW, ...more];
const ref = (root: string, name: string) => {
  try {
    return git(root, 'rev-parse', '--verify', '--quiet', name);
  } catch {
    return undefined;
  }
};

/** One line on stderr, the exit code, and nothing run or recorded. */
function expectRefusal(r: { code: number; stderr: string }, code: number, line: RegExp): void {
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(line);
  expect(r.code).toBe(code);
}

describe('refusals', () => {
  it('a lock held by a live apply, and a stale one, are reported and never taken over', async () => {
    const repo = await applyRepo();
    try {
      const lock = path.join(repo.root, '.git', 'tak', 'locks', 'apply-test.lock');
      mkdirSync(path.dirname(lock), { recursive: true });
      writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-06-01T08:00:00.000Z', what: 'apply of test' }));
      const runner = new RecordedRunner();
      expectRefusal(await tak(runner, apply(repo.root, 'test')), 1, /^tak: locked by pid \d+ on .* since 2026-06-01T08:00:00.000Z \(apply of test\): .*apply-test\.lock; wait for it to finish/);
      writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), since: '2026-06-01T08:00:00.000Z', what: 'apply of test' }));
      expectRefusal(await tak(runner, apply(repo.root, 'test')), 1, /^tak: stale lock .*apply-test\.lock of pid 4194311 on .* \(apply of test\), which is no longer running; check its output, then remove .*apply-test\.lock and run again/);
      expect(existsSync(lock)).toBe(true);
      expect(runner.calls).toEqual([]);
      expect(ref(repo.root, appliedRef('test'))).toBeUndefined();
    } finally {
      repo.remove();
    }
  });

  it('a dirty tree, error findings and a HEAD without the applied commit', async () => {
    const repo = await applyRepo();
    try {
      const runner = new RecordedRunner();
      writeFileSync(path.join(repo.root, 'environments/test/notes.txt'), 'draft\n');
      expectRefusal(await tak(runner, apply(repo.root, 'test')), 1, /^tak: the working tree has 1 uncommitted change\(s\) \(environments\/test\/notes.txt\); apply applies commits: commit or stash them first\n$/);
      commit(repo.root, 'notes');

      const good = git(repo.root, 'rev-parse', 'HEAD');
      commit(repo.root, 'an unknown logical address', { 'environments/test/connections/forms.yaml': connectionYaml('test', { authorizationAddresses: ['SE2321000016-NONE'] }) });
      expectRefusal(await tak(runner, apply(repo.root, 'test')), 1, /^tak: \d+ error-level finding\(s\) in test, first environments\/test\/connections\/forms.yaml:\d+ .*; fix them \(tak validate --env test\) and run again\n$/);
      git(repo.root, 'reset', '-q', '--hard', good);

      expect((await tak(runner, apply(repo.root, 'test'))).code).toBe(0);
      git(repo.root, 'checkout', '-q', '-b', 'other', `${good}~1`);
      const stderr = (await tak(runner, apply(repo.root, 'test'))).stderr;
      expect(stderr).toMatch(/^tak: HEAD \([0-9a-f]{12}\) does not contain the applied commit of test \([0-9a-f]{12}\); update the branch \(git pull\), or pass --allow-rollback/);
      const back = await tak(runner, apply(repo.root, 'test', '--allow-rollback'));
      expect(back.code).toBe(0);
      expect(git(repo.remote, 'rev-parse', appliedRef('test'))).toBe(git(repo.root, 'rev-parse', 'HEAD'));
      expect(runner.steps().filter((s) => s.endsWith('apply tak.tfplan'))).toHaveLength(2);
    } finally {
      repo.remove();
    }
  });
});

describe('the order endpoint', () => {
  let server: Server;
  let received: { body: string; client?: string }[];
  let answer: number;
  let files: Record<string, string>;
  beforeAll(async () => {
    const { testCa } = await compliant();
    const own = await serverCertificate(testCa);
    const client = await clientCertificate(testCa, 'SE165565594230-1000');
    server = createServer({ ...own, ca: testCa.pem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => {
        received.push({ body, client: String((req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN) });
        res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ bestallning: 4711 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    files = { cert: client.cert, key: client.key };
  });
  afterAll(() => server.close());

  async function endpointRepo(url: string) {
    const repo = await applyRepo({ test: [`orderEndpoint: ${url}`] });
    const cert = path.join(path.dirname(repo.root), 'client.pem');
    const key = path.join(path.dirname(repo.root), 'client.key');
    writeFileSync(cert, files.cert);
    writeFileSync(key, files.key);
    process.env.TAK_ORDER_CLIENT_CERT = cert;
    process.env.TAK_ORDER_CLIENT_KEY = key;
    return repo;
  }
  afterEach(() => {
    delete process.env.TAK_ORDER_CLIENT_CERT;
    delete process.env.TAK_ORDER_CLIENT_KEY;
  });

  it('receives the order with the client certificate, and its answer is kept with the record', async () => {
    received = [];
    answer = 201;
    const repo = await endpointRepo(`https://127.0.0.1:${(server.address() as AddressInfo).port}/orders`);
    try {
      const r = await tak(new RecordedRunner(), apply(repo.root, 'test'));
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('test: order 1 submitted to https://127.0.0.1:');
      expect(received).toHaveLength(1);
      expect(received[0].client).toBe('tak-gitops.example.se');
      expect(JSON.parse(received[0].body).plattform).toBe('NTJP-TEST');
      const note = JSON.parse(git(repo.remote, 'notes', `--ref=${APPLIED_NOTES_REF}`, 'show', 'main'));
      expect(note.test.orderResponse).toEqual({ status: 201, body: '{"bestallning":4711}' });
      expect(ref(repo.root, 'refs/heads/tak/orders')).toBeUndefined();
    } finally {
      repo.remove();
    }
  });

  it('down or refusing: apply fails at publish and records nothing', async () => {
    received = [];
    answer = 503;
    const refused = await endpointRepo(`https://127.0.0.1:${(server.address() as AddressInfo).port}/orders`);
    const closed = await endpointRepo('https://127.0.0.1:9/orders');
    try {
      for (const [repo, why] of [[refused, /answered 503/], [closed, /ECONNREFUSED/]] as const) {
        const r = await tak(new RecordedRunner(), apply(repo.root, 'test'));
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^tak: apply of test failed at publish: /);
        expect(r.stderr).toMatch(why);
        expect(r.stderr).toContain('nothing was recorded');
        expect(ref(repo.root, appliedRef('test'))).toBeUndefined();
        expect(ref(repo.root, APPLIED_NOTES_REF)).toBeUndefined();
        expect(ref(repo.remote, appliedRef('test'))).toBeUndefined();
      }
    } finally {
      refused.remove();
      closed.remove();
    }
  });
});

it('the real terraform stops at init (no provider can be downloaded here) with one line, and nothing is recorded', async () => {
  const repo = await applyRepo();
  try {
    const r = await tak(processRunner, apply(repo.root, 'test'));
    expect(r.stdout).toContain('$ terraform init -input=false');
    expect(r.stderr).toBe(
      'tak: apply of test failed at terraform init: terraform init could not install the kubernetes provider (no provider can be downloaded from this machine); provide it through a provider mirror or plugin cache (docs/apply.md), or deploy the manifests with --target manifests; nothing was recorded\n',
    );
    expect(r.code).toBe(2);
    expect(ref(repo.root, appliedRef('test'))).toBeUndefined();
    expect(ref(repo.root, 'refs/heads/tak/orders')).toBeUndefined();
  } finally {
    repo.remove();
  }
});
