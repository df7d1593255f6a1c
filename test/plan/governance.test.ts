/**
 * Governance changes in `tak plan`: a change to what is trusted or enforced is never "no changes",
 * and in prod it fails the check until a platform owner's approval is on record; a head file that
 * does not read is not planned as deleted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';
import { compliant } from '../helpers/repo';
import { commitAll } from './git';

const PLATFORM = 'owners: ["@inera/tak-platform"]\n';
const PROD_ENV = 'environments/prod/environment.yaml';

describe('tak plan: governance changes', () => {
  let root: string;
  beforeEach(async () => {
    root = makeRepo({ ...(await compliant()).files, 'config/platform.yaml': PLATFORM }, true);
    commitAll(root);
  });
  afterEach(() => removeRepo(root));
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
  const plan = (...args: string[]) => runCli(['plan', '-C', root, '--base', 'main', '--now', '2026-06-01', ...args]);

  it('reports a trust anchor added to prod first, in text and JSON, and fails until a platform owner approves', async () => {
    edit('config/trusted-cas.yaml', (t) => t.replace('environments: [prod] }', 'environments: [prod] }\n  - { name: Self-made CA, file: cas/test-ca.pem, environments: [prod] }'));
    const text = await plan();
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/prod: ⚠ 1 governance change\n/);
    expect(text.stdout).toMatch(/⚠ trusted-ca: \+ trusted CA Self-made CA cas\/test-ca.pem sha256:[0-9a-f]{16} \(config\/trusted-cas.yaml:4\)/);
    expect(text.stdout).toContain('error governance-approved + trusted CA Self-made CA');
    expect(text.stdout).toContain('needs the approval of a platform owner (@inera/tak-platform), on record with tak plan --approved-by');
    const json = JSON.parse((await plan('-f', 'json')).stdout);
    const prod = json.environments.find((e: { env: string }) => e.env === 'prod');
    expect(prod.changes.governance).toEqual([expect.objectContaining({ kind: 'trusted-ca', text: expect.stringContaining('+ trusted CA Self-made CA') })]);
    expect((await plan('--approved-by', '@someone,@inera/tak-platform')).code).toBe(0);
    expect((await plan('--approved-by', '@requester')).code).toBe(1);
  });

  it.each([
    ['stage prod → test', (t: string) => t.replace('stage: prod', 'stage: test'), 'stage: stage prod → test'],
    ['dropping promotesFrom', (t: string) => t.replace('promotesFrom: qa\n', ''), 'promotion-source: promotesFrom qa → (not set)'],
    ['policy requirePromotion false', (t: string) => `${t}policy: { requirePromotion: false }\n`, 'policy: policy.requirePromotion (not set) → false'],
  ])('reports %s in prod as a governance change that fails the check', async (_, change, line) => {
    edit(PROD_ENV, change);
    const text = await plan();
    expect(text.stdout).not.toMatch(/^prod: no changes$/m);
    expect(text.stdout).toContain(`⚠ ${line}`);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/error governance-approved/);
  });

  it('reports governance changes outside prod without failing (only prod needs approval by default)', async () => {
    edit('environments/qa/environment.yaml', (t) => `${t}policy: { requirePromotion: false }\n`);
    const text = await plan();
    expect(text.stdout).toContain('qa: ⚠ 1 governance change');
    expect(text.code).toBe(0);
  });

  it('lists suppressions added by the change, and a changed rule pack, in every environment', async () => {
    edit('environments/qa/connections/forms.yaml', (t) => `${t}suppressions:\n  - { rule: routing-callable, reason: Tried in qa, ticket: INC-1, expires: 2026-12-31 }\n`);
    mkdirSync(path.join(root, 'policies'), { recursive: true });
    writeFileSync(path.join(root, 'policies/pack.ts'), '// changed\n');
    const markdown = (await plan('-f', 'markdown')).stdout;
    expect(markdown).toContain('#### ⚠ Changes to what is trusted or enforced');
    expect(markdown).toContain('- **qa** ⚠ suppression: + suppression of routing-callable in environments/qa/connections/forms.yaml: Tried in qa (INC-1)');
    for (const env of ['test', 'qa', 'prod']) expect(markdown).toContain(`- **${env}** ⚠ pack: rule pack file policies/pack.ts changed`);
  });

  it('does not plan a head file that does not parse as deleted: nothing removed, no order, exit 1', async () => {
    edit('environments/qa/connections/forms.yaml', (t) => t.replace('routing:', 'routing: [').replace('authorizations:', 'authorizations: ]'));
    const out = path.join(root, 'out');
    const result = await plan('--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/qa: ⚠ 1 file does not read \(nothing of it counted as removed, no order\)\n/);
    expect(result.stdout).not.toMatch(/−\d+ routing entr/);
    expect(result.stdout).toContain('⚠ environments/qa/connections/forms.yaml does not read');
    expect(existsSync(path.join(out, 'qa/order.json'))).toBe(false);
  });
});
