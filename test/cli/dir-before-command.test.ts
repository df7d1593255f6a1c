import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';

describe('tak -C DIR before the command (as git -C)', () => {
  const root = makeRepo();
  afterAll(() => removeRepo(root));

  it('runs the command as if started in DIR, and gives the folder back', async () => {
    const cwd = process.cwd();
    const result = await runCli(['-C', root, 'validate', '--now', '2026-06-01']);
    expect(result.stdout).toMatch(/0 errors, \d+ warnings? in 1 environment \(test\)/);
    expect(result.code).toBe(0);
    expect(process.cwd()).toBe(cwd);
  });

  it('makes the command\'s own paths relative to DIR', async () => {
    const parent = path.dirname(root);
    const result = await runCli(['-C', parent, 'validate', '-C', path.basename(root), '--now', '2026-06-01']);
    expect(result.code).toBe(0);
  });

  it('refuses a folder that does not exist, with one line', async () => {
    const result = await runCli(['-C', path.join(root, 'missing'), 'validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`tak: -C ${path.join(root, 'missing')}: there is no folder ${path.join(root, 'missing')}; name the repository's folder\n`);
  });
});
