/**
 * scripts/merge.sh applies the environments in promotion order and stops at the first failure.
 * It runs tak as CI does (separate processes), so terraform is a recording script named by
 * TAK_TERRAFORM: it answers like terraform (plan exit 2 with a plan file) and fails qa's apply.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { appliedRef } from '../../src/applied';
import { applyRepo, git, NOW } from './support';

// Real git repositories, servers and child processes: slow on a busy machine.
jest.setTimeout(240_000);

it('applies test, fails qa, and never reaches prod; only test is recorded', async () => {
  const repo = await applyRepo();
  try {
    const top = path.dirname(repo.root);
    const log = path.join(top, 'terraform.log');
    const terraform = path.join(top, 'terraform');
    writeFileSync(
      terraform,
      [
        '#!/bin/sh',
        `echo "$(basename "$PWD") $1" >> ${log}`,
        'case "$1" in',
        '  plan) : > tak.tfplan; exit 2;;',
        '  apply) [ "$(basename "$PWD")" = qa ] && { echo "Error: the cluster said no" >&2; exit 1; }; exit 0;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(terraform, 0o755);
    const run = spawnSync('bash', [path.resolve(__dirname, '../../scripts/merge.sh'), '--now', NOW], {
      env: { ...process.env, TAK_DIR: repo.root, TAK_TERRAFORM: terraform },
      encoding: 'utf8',
    });
    expect(run.stderr).toContain('tak: apply of qa failed at terraform apply: terraform apply failed with exit code 1; see its output above; nothing was recorded');
    expect(run.stderr).toContain('tak: apply of qa failed (exit 1); the environments after it were not applied');
    expect(run.status).toBe(1);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['test init', 'test plan', 'test apply', 'qa init', 'qa plan', 'qa apply']);
    expect(git(repo.remote, 'rev-parse', appliedRef('test'))).toBe(git(repo.root, 'rev-parse', 'HEAD'));
    expect(existsSync(path.join(repo.remote, appliedRef('qa')))).toBe(false);
    expect(() => git(repo.remote, 'rev-parse', '--verify', '--quiet', appliedRef('qa'))).toThrow();
  } finally {
    repo.remove();
  }
});
