/**
 * The GitHub workflows: every file passes GitHub's own workflow parser, and the rules that keep the
 * pipeline safe hold (the pull-request job runs contributors' code, so it reads only and has no
 * secrets; apply and drift run only on main, one at a time per environment).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';

// Real git repositories, servers and child processes: slow on a busy machine.
jest.setTimeout(240_000);

const root = path.resolve(__dirname, '..', '..');
const folder = path.join(root, '.github', 'workflows');
const workflow = (name: string) => YAML.parse(readFileSync(path.join(folder, name), 'utf8'));

function lint(...files: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/lint-workflows.mts', ...files], { cwd: root, encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

it('every workflow file passes the workflow parser, which finds a broken one at its line', () => {
  const all = lint();
  expect(all.out).toContain(`${readdirSync(folder).length} workflow file(s) checked, 0 error(s)`);
  expect(all.code).toBe(0);
  const dir = mkdtempSync(path.join(tmpdir(), 'tak-wf-'));
  try {
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(bad, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    concurrency: { grop: x }\n    steps:\n      - run: echo hi\n');
    const result = lint(bad);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/bad\.yml:5:\d+ Unexpected value 'grop'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the pull-request check only reads and holds no secrets; the report job runs none of its code', () => {
  const text = readFileSync(path.join(folder, 'pull-request.yml'), 'utf8');
  expect(workflow('pull-request.yml').permissions).toEqual({ contents: 'read' });
  expect(text).not.toMatch(/secrets\./);
  const report = workflow('pull-request-report.yml');
  expect(Object.keys(report.on)).toEqual(['workflow_run']);
  expect(JSON.stringify(report)).not.toContain('actions/checkout');
});

it('apply runs per environment in promotion order, only on main, one at a time per environment', () => {
  const merge = workflow('merge.yml');
  expect(merge.on.push.branches).toEqual(['main']);
  expect(merge.jobs.qa.needs).toBe('test');
  expect(merge.jobs.prod.needs).toBe('qa');
  const one = workflow('apply-environment.yml').jobs.apply;
  expect(one.if).toBe("github.ref == 'refs/heads/main'");
  expect(one.environment).toBe('${{ inputs.environment }}');
  expect(one.concurrency.group).toBe('tak-apply-${{ inputs.environment }}');
  const drift = workflow('drift.yml');
  expect(drift.on.schedule).toHaveLength(1);
  expect(drift.jobs.drift.if).toBe("github.ref == 'refs/heads/main'");
  expect(drift.jobs.drift.concurrency.group).toBe('tak-apply-${{ matrix.environment }}');
});
