/**
 * The whole loop on a real repository with a bare remote: apply test, then qa (terraform through
 * the recorded runner, orders into the feed branch), the catalog fetching each order by number over
 * HTTPS with a client certificate, `tak status` showing both, `tak drift` against a TAK-api folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { APPLIED_NOTES_REF, appliedRef } from '../../src/applied';
import { executeOrder } from '../../src/formats/order/execute';
import { emptyTables } from '../../src/formats/tak/tables';
import { validateOrderSchema } from '../../src/formats/order/schema';
import { compliant, CONSUMER, connectionYaml, PRODUCER } from '../helpers/repo';
import { clientCertificate, serverCertificate, type KeyedCertificate } from '../helpers/tls';
import { applyRepo, commit, git, NOW, RecordedRunner, tak, type TestRepo } from './support';

// Real git repositories, servers and child processes: slow on a busy machine.
jest.setTimeout(240_000);

let repo: TestRepo;
let server: Server;
let base: string;
let client: KeyedCertificate;
let ca: string;

/** Serves the remote's order feed as `GET /orders/<env>/<number>`, to clients with a certificate from the test CA. */
beforeAll(async () => {
  repo = await applyRepo();
  const { testCa } = await compliant();
  ca = testCa.pem;
  client = await clientCertificate(testCa, 'SE165565594230-1000');
  const own = await serverCertificate(testCa);
  server = createServer({ ...own, ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const m = /^\/orders\/([a-z0-9-]+)\/(\d+)$/.exec(req.url ?? '');
    const body = m ? feedFile(`${m[1]}/${m[2]}.json`) : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/orders/`;
});
afterAll(() => {
  server.close();
  repo.remove();
});

function feedFile(file: string): string | undefined {
  try {
    return execFileSync('git', ['cat-file', 'blob', `refs/heads/tak/orders:${file}`], { cwd: repo.remote, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The catalog's fetch: `GET <base URL><number>` with its client certificate. */
function fetchOrder(baseUrl: string, number: number, credentials = client): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(`${baseUrl}${number}`, { ...credentials, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

it('applies test then qa, publishes each order under its number, and records both', async () => {
  const runner = new RecordedRunner();
  const head = git(repo.root, 'rev-parse', 'HEAD');
  for (const env of ['test', 'qa']) {
    const r = await tak(runner, ['apply', '-C', repo.root, '--env', env, '--auto-approve', '--now', NOW]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${env}: order 1 published (branch tak/orders: ${env}/1.json); give the service desk order number 1`);
    expect(git(repo.remote, 'rev-parse', appliedRef(env))).toBe(head);
  }
  expect(runner.steps()).toEqual(['test init', 'test plan', 'test apply tak.tfplan', 'qa init', 'qa plan', 'qa apply tak.tfplan']);
  const note = JSON.parse(git(repo.remote, 'notes', `--ref=${APPLIED_NOTES_REF}`, 'show', head));
  expect(Object.keys(note).sort()).toEqual(['qa', 'test']);
  expect(note.qa).toMatchObject({ env: 'qa', commit: head, appliedAt: '2026-06-01T00:00:00.000Z', orderNumber: 1 });
  expect(note.qa.orderDigest).toMatch(/^[0-9a-f]{64}$/);
  expect(note.qa.planDigest).toMatch(/^[0-9a-f]{64}$/);
});

it('the catalog fetches each order by base URL and number, schema-valid, and executing it gives the declared rows', async () => {
  const order = await fetchOrder(`${base}qa/`, 1);
  expect(order.status).toBe(200);
  const parsed = JSON.parse(order.body);
  expect(validateOrderSchema(parsed)).toEqual([]);
  const done = executeOrder(emptyTables(), parsed, { platform: 'NTJP-QA', now: new Date(`${NOW}T12:00:00Z`) });
  expect(done.errors).toEqual([]);
  expect(done.tables.routing.map((r) => `${r.logicalAddress} ${r.producer} ${r.url}`)).toEqual([`${PRODUCER} ${PRODUCER} https://forms.qa.example.se/GetForms/2`]);
  expect(done.tables.authorizations.map((a) => a.consumer)).toEqual([CONSUMER]);
  expect((await fetchOrder(`${base}qa/`, 2)).status).toBe(404);
  // Without a client certificate the feed does not answer.
  await expect(fetchOrder(`${base}qa/`, 1, { cert: '', key: '' } as KeyedCertificate)).rejects.toThrow();
});

it('a second apply of the same commit is a no-op that says so and runs nothing', async () => {
  const runner = new RecordedRunner();
  const r = await tak(runner, ['apply', '-C', repo.root, '--env', 'test', '--auto-approve', '--now', NOW]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^test: [0-9a-f]{12} is already applied; nothing to do\n$/);
  expect(runner.calls).toEqual([]);
});

it('a dry run shows the terraform steps and the order with its next number, and changes nothing', async () => {
  const next = commit(repo.root, 'qa: GetForm too', { 'environments/qa/connections/forms.yaml': connectionYaml('qa', { contracts: ['GetForms:2', 'GetForm:2'] }) });
  const runner = new RecordedRunner();
  const before = git(repo.remote, 'rev-parse', 'refs/heads/tak/orders');
  const r = await tak(runner, ['apply', '-C', repo.root, '--env', 'qa', '--dry-run', '--now', NOW]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('qa: order 2 for NTJP-QA would be published to branch tak/orders: include 1 vagval, 1 anropsbehörigheter; exclude 0 vagval, 0 anropsbehörigheter');
  expect(r.stdout).toContain('terraform steps in ');
  expect(r.stdout).toContain('would run: terraform apply -input=false tak.tfplan');
  expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{'), r.stdout.lastIndexOf('}') + 1)).inkludera.vagval[0].tjanstekontrakt).toMatch(/GetFormResponder:2$/);
  expect(runner.steps()).toEqual(['qa init', 'qa plan']);
  expect(git(repo.remote, 'rev-parse', 'refs/heads/tak/orders')).toBe(before);

  const kubectl = new RecordedRunner(() => ({ code: 0 }));
  const manifests = await tak(kubectl, ['apply', '-C', repo.root, '--env', 'qa', '--dry-run', '--target', 'manifests', '--now', NOW]);
  expect(manifests.code).toBe(0);
  expect(kubectl.calls.map((c) => [c.command, ...c.args].join(' '))).toEqual([`kubectl apply --server-side --field-manager=tak-gitops -f ${path.join(repo.root, 'dist', 'qa')} --dry-run=server`]);
  expect(manifests.stdout).toContain(`would run: kubectl apply --server-side --field-manager=tak-gitops -f ${path.join(repo.root, 'dist', 'qa')}\n`);
  expect(git(repo.root, 'rev-parse', appliedRef('qa'))).not.toBe(next);
});

it('tak status shows both environments, how far HEAD is ahead, and the pending order', async () => {
  const r = await tak(new RecordedRunner(), ['status', '-C', repo.root, '--now', NOW]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines.map((l) => l.split(':')[0])).toEqual(['test', 'qa', 'prod']);
  expect(lines[0]).toMatch(/^test: applied [0-9a-f]{12} at 2026-06-01T00:00:00.000Z; last order 1; HEAD is 1 commit\(s\) ahead: 0 routing entries and 0 authorizations changed; no drift check yet$/);
  expect(lines[1]).toContain('last order 1; HEAD is 1 commit(s) ahead: 1 routing entries and 1 authorizations changed; pending order 2');
  expect(lines[2]).toMatch(/^prod: never applied; pending order 1; no drift check yet$/);
});

describe('tak drift against a TAK-api folder', () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(path.dirname(repo.root), 'takapi-test');
    const exported = await tak(new RecordedRunner(), ['export', 'takapi', '-C', repo.root, '--env', 'test', '-o', folder, '--now', NOW]);
    expect(exported.code).toBe(0);
  });

  it('finds no drift when the catalog is what the applied commit declares', async () => {
    const r = await tak(new RecordedRunner(() => ({ code: 0 })), ['drift', '-C', repo.root, '--env', 'test', '--takapi', folder, '--now', NOW]);
    expect(r.stdout).toContain('tak drift test (NTJP-TEST): no drift between the TAK-api');
    expect(r.stdout).toContain('kubernetes: no drift');
    expect(r.code).toBe(0);
  });

  it('exits 1 naming the authorization that was removed from the catalog, and status shows the check', async () => {
    const file = path.join(folder, 'cooperations.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).slice(1)));
    const r = await tak(new RecordedRunner(), ['drift', '-C', repo.root, '--env', 'test', '--takapi', folder, '--no-terraform', '-f', 'markdown', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('### authorizations declared but not live');
    expect(r.stdout).toContain(`- ${CONSUMER} may call urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at ${PRODUCER} (environments/test/connections/forms.yaml:`);
    const status = await tak(new RecordedRunner(), ['status', '-C', repo.root, '--now', NOW]);
    expect(status.stdout).toMatch(/^test: .*last drift check 2026-06-01T00:00:00.000Z: 1 difference\(s\)$/m);
  });

  it('reads the live TAK-api over HTTPS with basic auth from the environment, and says what to set when refused', async () => {
    const { testCa } = await compliant();
    const own = await serverCertificate(testCa);
    const api = createServer(own, (req, res) => {
      const [route, query = ''] = (req.url ?? '').split('?');
      const name = route.replace('/coop/api/v2/', '');
      if (req.headers.authorization !== `Basic ${Buffer.from('tak:secret').toString('base64')}`) return void res.writeHead(401).end();
      if (name !== 'connectionPoints' && !/connectionPointId=\d+&include=connectionPoint,/.test(query)) return void res.writeHead(400).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(path.join(folder, `${name}.json`)));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const caFile = path.join(path.dirname(repo.root), 'takapi-ca.pem');
    writeFileSync(caFile, ca);
    const url = `https://127.0.0.1:${(api.address() as AddressInfo).port}/coop/api/v2`;
    try {
      Object.assign(process.env, { TAK_API_USER: 'tak', TAK_API_PASSWORD: 'secret', TAK_API_CA: caFile });
      const r = await tak(new RecordedRunner(), ['drift', '-C', repo.root, '--env', 'test', '--takapi', url, '--no-terraform', '--now', NOW]);
      expect(r.stdout).toContain(`1 difference(s) between the TAK-api (${url})`);
      expect(r.stdout).toContain(`    ${CONSUMER} may call`);
      expect(r.code).toBe(1);
      process.env.TAK_API_PASSWORD = 'wrong';
      const refused = await tak(new RecordedRunner(), ['drift', '-C', repo.root, '--env', 'test', '--takapi', url, '--no-terraform', '--now', NOW]);
      expect(refused.stderr).toBe(`tak: ${url}/connectionPoints answered 401; set TAK_API_USER and TAK_API_PASSWORD\n`);
      expect(refused.code).toBe(2);
    } finally {
      for (const v of ['TAK_API_USER', 'TAK_API_PASSWORD', 'TAK_API_CA']) delete process.env[v];
      api.close();
    }
  });

  it('reports the Kubernetes side as drift when terraform plan has changes', async () => {
    const r = await tak(new RecordedRunner(), ['drift', '-C', repo.root, '--env', 'qa', '-f', 'json', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ env: 'qa', kubernetes: { changes: true }, differences: 1 });
  });
});
