import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readState } from '../pipeline';
import { makeRepo, removeRepo } from '../../test/helpers/minimal-repo';
import { commitAll, git } from '../../test/plan/git';
import { GitRevisionReader, revisionsFolder, RevisionError } from './git-reader';

describe('GitRevisionReader', () => {
  let root: string;
  beforeEach(() => {
    root = makeRepo();
  });
  afterEach(() => removeRepo(root));

  it('reads the files of a revision from the object database, leaving the working tree alone', async () => {
    const file = 'environments/test/connections/forms.yaml';
    commitAll(root);
    const committed = readFileSync(path.join(root, file), 'utf8');
    writeFileSync(path.join(root, file), committed.replace('GetForms/2', 'GetForms/3'));
    writeFileSync(path.join(root, 'environments/test/connections/new.yaml'), 'routing: []\n');
    const status = git(root, 'status', '--porcelain');
    const reader = await GitRevisionReader.open(root, 'HEAD');
    expect(await reader.list()).not.toContain('environments/test/connections/new.yaml');
    expect((await reader.read(file)).toString()).toBe(committed);
    expect(reader.label).toMatch(/^HEAD \([0-9a-f]{12}\)$/);
    expect(git(root, 'status', '--porcelain')).toBe(status);
    const state = await readState(reader);
    expect(state.environments.get('test')!.routing[0].url).toBe('https://forms.example.se/GetForms/2');
  });

  it('works when the declarations are in a sub-folder of the git repository', async () => {
    const top = mkdtempSync(path.join(tmpdir(), 'tak-top-'));
    try {
      const sub = path.join(top, 'catalog');
      cpSync(root, sub, { recursive: true });
      commitAll(top);
      const reader = await GitRevisionReader.open(sub, 'HEAD');
      expect(await reader.list()).toContain('environments/test/environment.yaml');
      expect((await readState(reader)).environments.get('test')!.routing).toHaveLength(1);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('imports TypeScript declarations of the revision from an extracted copy, removed afterwards', async () => {
    const ts = 'environments/test/connections/typed.ts';
    writeFileSync(path.join(root, ts), "export default { description: 'at the base', routing: [] };\n");
    commitAll(root);
    writeFileSync(path.join(root, ts), "export default { description: 'at the head', routing: [] };\n");
    const reader = await GitRevisionReader.open(root, 'HEAD');
    const state = await readState(reader);
    const connection = state.environments.get('test')!.connections.find((c) => c.file === ts)!;
    expect(connection.decl.description).toBe('at the base');
    await reader.dispose();
    expect(readdirSync(revisionsFolder(path.join(root, '.git')))).toEqual([]);
    expect(git(root, 'status', '--porcelain', '--ignored')).toBe('M environments/test/connections/typed.ts');
  });

  it('extracts the revision out of the working tree, where its TypeScript still imports from node_modules', async () => {
    const ts = 'environments/test/connections/typed.ts';
    writeFileSync(path.join(root, '.gitignore'), 'node_modules\n');
    symlinkSync(path.join(__dirname, '../../node_modules'), path.join(root, 'node_modules'));
    writeFileSync(path.join(root, ts), "import { z } from 'zod';\nexport default { description: z.string().parse('from zod'), routing: [] };\n");
    commitAll(root);
    const reader = await GitRevisionReader.open(root, 'HEAD');
    const state = await readState(reader);
    expect(state.environments.get('test')!.connections.find((c) => c.file === ts)!.decl.description).toBe('from zod');
    expect(existsSync(path.join(root, '.tak'))).toBe(false);
    expect(git(root, 'status', '--porcelain', '--ignored')).toBe('!! node_modules');
    await reader.dispose();
    expect(existsSync(path.join(__dirname, '../../node_modules/zod'))).toBe(true);
  });

  it('refuses a symbolic link that leads out of the repository, as the working tree reader does', async () => {
    const outside = path.join(tmpdir(), `tak-outside-${process.pid}.yaml`);
    writeFileSync(outside, 'routing: []\n');
    symlinkSync(outside, path.join(root, 'environments/test/connections/link.yaml'));
    commitAll(root);
    const state = await readState(await GitRevisionReader.open(root, 'HEAD'));
    rmSync(outside);
    expect(state.environments.get('test')!.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/link\.yaml is a link to .*outside the repository/));
  });

  it('says so when the ref does not exist, when the clone is shallow, and outside git', async () => {
    await expect(GitRevisionReader.open(root, 'main')).rejects.toThrow(/is not in a git repository/);
    commitAll(root, 'one');
    writeFileSync(path.join(root, 'config/extra.txt'), 'x');
    commitAll(root, 'two');
    await expect(GitRevisionReader.open(root, 'no-such-branch')).rejects.toThrow(new RevisionError('the base no-such-branch is not a revision of this repository (git rev-parse no-such-branch finds no commit); fetch it, or name a branch, tag or commit'));
    const clone = mkdtempSync(path.join(tmpdir(), 'tak-shallow-'));
    try {
      git(clone, 'clone', '-q', '--depth', '1', `file://${root}`, 'c');
      await expect(GitRevisionReader.open(path.join(clone, 'c'), 'HEAD~1')).rejects.toThrow(/is not in this shallow clone; fetch it/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
