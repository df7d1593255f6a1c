/**
 * `tak rollback`: the revert branch's plan is the inverse of the changes since REF, in the rolled
 * back environment only, and the user's working tree, index and branch are untouched.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pack } from '../../policies/pack';
import { GitRevisionReader } from '../../src/load/git-reader';
import { makePlan } from '../../src/plan';
import { hasChanges } from '../../src/plan/diff';
import { readState } from '../../src/pipeline';
import { connectionYaml, UNIT } from '../helpers/repo';
import { applyRepo, commit, git, NOW, RecordedRunner, tak } from './support';

// Real git repositories, servers and child processes: slow on a busy machine.
jest.setTimeout(240_000);

async function envPlan(root: string, base: string, head: string, env: string) {
  const [a, b] = [await GitRevisionReader.open(root, base), await GitRevisionReader.open(root, head, 'head')];
  try {
    const plan = makePlan({ base: await readState(a), head: await readState(b), baseLabel: base, headLabel: head, pack, now: new Date(`${NOW}T00:00:00Z`) });
    return plan.environments.find((e) => e.changes.env === env)?.changes;
  } finally {
    await a.dispose();
    await b.dispose();
  }
}

const keys = (list: { key: string }[]) => list.map((x) => x.key).sort();

it('writes a branch whose plan undoes the changes since REF, and prints the next step', async () => {
  const repo = await applyRepo();
  try {
    const from = git(repo.root, 'rev-parse', 'HEAD');
    commit(repo.root, 'test: more', {
      'environments/test/connections/forms.yaml': connectionYaml('test', { contracts: ['GetForms:2', 'GetForm:2'], authorizationAddresses: ['SE5565594230-B9P', UNIT] }).replace('https://forms.test.example.se/GetForms/2', 'https://forms2.test.example.se/GetForms/2'),
      'environments/qa/connections/forms.yaml': connectionYaml('qa', { contracts: ['GetForms:2', 'GetForm:2'] }),
    });
    const head = git(repo.root, 'rev-parse', 'HEAD');
    const r = await tak(new RecordedRunner(), ['rollback', '-C', repo.root, '--env', 'test', '--to', from]);
    expect(r.code).toBe(0);
    const branch = `tak/rollback/test-${from.slice(0, 12)}`;
    expect(r.stdout).toContain(`wrote ${branch} (`);
    expect(r.stdout).toContain(`next: tak plan --base HEAD --head ${branch} --env test to review, then git push origin ${branch} and open a pull request`);
    expect(git(repo.root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo.root, 'status', '--porcelain')).toBe('');
    expect(readFileSync(path.join(repo.root, 'environments/test/connections/forms.yaml'), 'utf8')).toContain('forms2.test');

    const forward = (await envPlan(repo.root, from, head, 'test'))!;
    const backward = (await envPlan(repo.root, head, branch, 'test'))!;
    expect(forward.routing.added.length + forward.authorizations.added.length + forward.routing.changed.length).toBeGreaterThan(2);
    expect(keys(backward.routing.removed)).toEqual(keys(forward.routing.added));
    expect(keys(backward.routing.added)).toEqual(keys(forward.routing.removed));
    expect(keys(backward.authorizations.removed)).toEqual(keys(forward.authorizations.added));
    expect(keys(backward.authorizations.added)).toEqual(keys(forward.authorizations.removed));
    expect(backward.routing.changed.map((c) => [c.key, c.before.url, c.after.url])).toEqual(forward.routing.changed.map((c) => [c.key, c.after.url, c.before.url]));
    // qa keeps its change.
    expect(hasChanges((await envPlan(repo.root, head, branch, 'qa'))!)).toBe(false);
  } finally {
    repo.remove();
  }
});

it('says so when there is nothing to roll back, and refuses an unknown revision or an existing branch', async () => {
  const repo = await applyRepo();
  try {
    const r = await tak(new RecordedRunner(), ['rollback', '-C', repo.root, '--env', 'test', '--to', 'HEAD']);
    expect(r.stdout).toBe('environments/test/ is the same at HEAD and HEAD; there is nothing to roll back\n');
    const unknown = await tak(new RecordedRunner(), ['rollback', '-C', repo.root, '--env', 'test', '--to', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tak: nope is not a revision of this repository/);
    git(repo.root, 'branch', 'taken');
    const taken = await tak(new RecordedRunner(), ['rollback', '-C', repo.root, '--env', 'test', '--to', 'HEAD', '--branch', 'taken']);
    expect(taken.stderr).toMatch(/^tak: the branch taken exists already/);
  } finally {
    repo.remove();
  }
});
