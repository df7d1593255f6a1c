/**
 * The benchmark's synthetic repository must be what the benchmark claims: compliant with the whole
 * pack (else `validate` measures error reporting), of the requested size, a git repository, and
 * still compliant after `changeOnePercent`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildModel, changeOnePercent, generateRepository } from '../bench/generate';
import { checkRepository } from '../src/check/engine';
import type { RepositoryState } from '../src/model/state';
import { readWorkingTree } from '../src/pipeline';
import { summaryLine } from '../src/report/validate-text';
import { pack } from '../policies/pack';

const ENTRIES = 2_000;
const now = new Date('2026-06-01T00:00:00Z');
let root: string;
let dir: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tak-generate-'));
  dir = path.join(root, 'repo');
  await generateRepository(dir, { entries: ENTRIES, seed: 11 });
}, 120_000); // generous: the certificates take seconds on a busy machine

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function validate(): Promise<{ state: RepositoryState; summary: string; errors: number; warnings: number }> {
  const state = await readWorkingTree(dir);
  const states = [...state.environments.values()];
  const result = checkRepository(states, pack, { now, repository: state });
  const summary = `${summaryLine(result, states.map((s) => s.name))}\n${result.findings.slice(0, 5).map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.message}`).join('\n')}`;
  return { state, summary, ...result.summary };
}

function entries(state: RepositoryState): Map<string, string> {
  const out = new Map<string, string>();
  for (const env of state.environments.values()) {
    for (const r of env.routing) out.set(`${env.name} routing ${r.key}`, r.url);
    for (const a of env.authorizations) out.set(`${env.name} authorization ${a.key}`, '');
  }
  return out;
}

describe('generateRepository', () => {
  let before: Map<string, string>;

  it('writes a repository that tak validate passes without errors or warnings, of the requested size', async () => {
    const { state, summary, errors, warnings } = await validate();
    expect([errors, warnings, summary]).toEqual([0, 0, expect.any(String)]);
    expect([...state.environments.keys()]).toEqual(['prod', 'qa', 'test']);
    before = entries(state);
    expect(Math.abs(before.size - ENTRIES) / ENTRIES).toBeLessThan(0.03);
    for (const env of state.environments.values()) expect(env.routing.length).toBeGreaterThan(0);
  });

  it('commits the repository once, with its own identity', () => {
    const log = execFileSync('git', ['log', '--format=%an <%ae>'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(log).toEqual(['tak-gitops bench <bench@example.se>']);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
  });

  it('builds the same model from the same seed, and another from another seed', () => {
    const urls = (seed: number) => buildModel(ENTRIES, seed).connections.map((c) => `${c.file} ${c.addresses.join(',')}`);
    expect(urls(11)).toEqual(urls(11));
    expect(urls(11)).not.toEqual(urls(12));
  });

  it('changeOnePercent changes about 1% of the entries, uncommitted, and the repository stays compliant', async () => {
    await changeOnePercent(dir);
    const { state, summary, errors } = await validate();
    expect([errors, summary]).toEqual([0, expect.any(String)]);
    const after = entries(state);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).length;
    expect(changed / before.size).toBeGreaterThan(0.003);
    expect(changed / before.size).toBeLessThan(0.03);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toMatch(/^ M environments\//m);
  });
});
