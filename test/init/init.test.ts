/** `tak init` scaffolds a catalog repository that validates, and whose every file has an owner. */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { removeRepo } from '../helpers/minimal-repo';

describe('tak init', () => {
  let root: string;
  beforeEach(() => {
    root = path.join(mkdtempSync(path.join(tmpdir(), 'tak-init-')), 'catalog');
  });
  afterEach(() => removeRepo(path.dirname(root)));

  it('writes a repository that validates with 0 errors and leaves no file unowned', async () => {
    expect((await runCli(['init', '-C', root, '--owner', '@acme/tak-platform', '--package', 'git+https://git.example.se/tak-gitops.git#v0.1.0'])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies).toEqual({ 'tak-gitops': 'git+https://git.example.se/tak-gitops.git#v0.1.0' });
    expect(await runCli(['validate', '-C', root])).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings in 3 environments (prod, qa, test)\n' });
    expect((await runCli(['codeowners', '-C', root])).code).toBe(0);
    expect(await runCli(['codeowners', '-C', root, '--check'])).toMatchObject({ code: 0 });
    expect(readFileSync(path.join(root, '.github/CODEOWNERS'), 'utf8')).toContain('/environments/prod/environment.yaml @acme/tak-platform');
  });

  it('refuses to overwrite without --force, and an owner that is not one handle', async () => {
    expect((await runCli(['init', '-C', root, '--owner', '@acme/tak-platform'])).code).toBe(0);
    expect((await runCli(['init', '-C', root, '--owner', '@acme/tak-platform'])).stderr).toMatch(/^tak: config\/platform.yaml, .* already exist; pass --force/);
    expect(await runCli(['init', '-C', root, '--owner', '@acme/a @evil/b', '--force'])).toMatchObject({ code: 2, stderr: 'tak: --owner "@acme/a @evil/b" is not one @user, @org/team or e-mail address\n' });
  });
});

describe('scripts/approvals.sh', () => {
  it('turns the latest approving reviews, and their platform teams, into --approved-by handles', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tak-gh-'));
    try {
      // A stand-in for the gh CLI: canned answers for the two API calls the script makes.
      writeFileSync(
        path.join(dir, 'gh'),
        [
          '#!/usr/bin/env bash',
          'case "$2" in',
          '  repos/acme/cat/pulls/7/reviews) printf "alice\\ncarol\\n" ;;',
          '  orgs/inera/teams/tak-platform/memberships/carol) echo active ;;',
          '  *) exit 1 ;;',
          'esac',
        ].join('\n'),
      );
      chmodSync(path.join(dir, 'gh'), 0o755);
      writeFileSync(path.join(dir, 'platform.yaml'), 'owners: ["@inera/tak-platform"]\n');
      const script = path.join(__dirname, '../../scripts/approvals.sh');
      const out = execFileSync(script, ['acme/cat', '7', path.join(dir, 'platform.yaml')], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
      expect(out).toBe('@alice,@carol,@inera/tak-platform\n');
    } finally {
      removeRepo(dir);
    }
  });
});
