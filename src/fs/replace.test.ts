import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, type PathLike } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { registeredCleanups } from '../cleanup';
import { MANIFEST, OutputExists, recoverFolder, replaceFile, replaceFolder } from './replace';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tak-replace-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

// A plain copy of the module, so that a test can make one of its calls fail (a process killed there).
jest.mock('node:fs', () => ({ ...jest.requireActual('node:fs') }));
const fs = jest.requireMock('node:fs') as typeof import('node:fs');

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const files = (entries: Record<string, string>) => (folder: string) => {
  for (const [name, text] of Object.entries(entries)) writeFileSync(path.join(folder, name), text);
};
const options = { force: true, writtenBy: 'tak test' };

describe('replaceFile', () => {
  it('writes a new file, and replaces an existing regular file only with force', async () => {
    const target = path.join(dir, 'sub', 'order.json');
    await replaceFile(target, ['{', '}'], false);
    expect(readFileSync(target, 'utf8')).toBe('{}');
    await expect(replaceFile(target, 'new', false)).rejects.toThrow(new OutputExists(`${target} exists; pass --force to replace it`));
    await replaceFile(target, 'new', true);
    expect([readFileSync(target, 'utf8'), readdirSync(path.dirname(target)), registeredCleanups()]).toEqual(['new', ['order.json'], 0]);
  });

  it.each([
    ['FIFO', (p: string) => execFileSync('mkfifo', [p])],
    ['folder', (p: string) => mkdirSync(p)],
    ['symbolic link', (p: string) => symlinkSync('elsewhere.json', p)],
  ])('never replaces a %s, even with force', async (kind, make) => {
    const target = path.join(dir, 'out.json');
    make(target);
    await expect(replaceFile(target, 'x', true)).rejects.toThrow(`${target} is a ${kind}; tak replaces only regular files: name a file`);
    expect(fs.lstatSync(target).isFile()).toBe(false);
  });

  it('removes the temporary a killed run left beside the target', async () => {
    write(`.out.json.${deadPid()}.tmp`, 'half');
    await replaceFile(path.join(dir, 'out.json'), 'whole', false);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('replaceFolder', () => {
  const target = () => path.join(dir, 'api');

  it('writes the files and a manifest of them; an empty folder counts as new', () => {
    mkdirSync(target());
    expect(replaceFolder(target(), files({ 'a.json': 'a', 'b.json': 'b' }), { ...options, force: false })).toEqual([]);
    expect(readdirSync(target()).sort()).toEqual([MANIFEST, 'a.json', 'b.json']);
    expect(JSON.parse(read(`api/${MANIFEST}`))).toEqual({ writtenBy: 'tak test', files: ['a.json', 'b.json'] });
    expect(readdirSync(dir)).toEqual(['api']);
  });

  it('refuses a folder tak did not write, even one of only *.json, and leaves it as it was', () => {
    write('api/settings.json', '{"editor.tabSize": 2}');
    expect(() => replaceFolder(target(), files({ 'a.json': 'a' }), options)).toThrow(/api is a folder that tak did not write \(it has no \.tak-outputs\)/);
    expect(readdirSync(target())).toEqual(['settings.json']);
    expect(readdirSync(dir)).toEqual(['api']);
  });

  it('refuses a file, a FIFO or a link where the folder goes', () => {
    execFileSync('mkfifo', [target()]);
    expect(() => replaceFolder(target(), files({}), options)).toThrow(`${target()} is a FIFO; name a new folder`);
  });

  it('replaces an earlier output only with force', () => {
    replaceFolder(target(), files({ 'a.json': 'a' }), options);
    expect(() => replaceFolder(target(), files({ 'a.json': 'b' }), { ...options, force: false })).toThrow(`${target()} exists; pass --force to replace it`);
    expect(read('api/a.json')).toBe('a');
  });

  it('replaces and drops only its own files, and keeps the user\'s (the same files, not copies)', () => {
    replaceFolder(target(), files({ 'a.yaml': 'old a', 'gone.yaml': 'old' }), options);
    write('api/NOTES.md', 'mine');
    write('api/terraform.tfstate', '{"serial": 3}');
    write('api/.terraform/providers/p/plugin', 'binary');
    symlinkSync('NOTES.md', path.join(target(), 'notes-link'));
    const inode = statSync(path.join(target(), 'terraform.tfstate')).ino;
    const kept = replaceFolder(target(), files({ 'a.yaml': 'new a', 'b.yaml': 'new b' }), options);
    expect(kept.sort()).toEqual(['.terraform/providers/p/plugin', 'NOTES.md', 'notes-link', 'terraform.tfstate']);
    expect([read('api/a.yaml'), read('api/b.yaml'), read('api/NOTES.md'), read('api/.terraform/providers/p/plugin')]).toEqual(['new a', 'new b', 'mine', 'binary']);
    expect(readdirSync(target()).includes('gone.yaml')).toBe(false);
    expect(statSync(path.join(target(), 'terraform.tfstate')).ino).toBe(inode);
    expect(fs.readlinkSync(path.join(target(), 'notes-link'))).toBe('NOTES.md');
    expect(JSON.parse(read(`api/${MANIFEST}`)).files).toEqual(['a.yaml', 'b.yaml']);
  });

  it('refuses when a file of the user\'s has the name of a new output file', () => {
    replaceFolder(target(), files({ 'a.yaml': 'a' }), options);
    write('api/b.yaml', 'mine');
    expect(() => replaceFolder(target(), files({ 'a.yaml': 'a2', 'b.yaml': 'b' }), options)).toThrow(/api\/b\.yaml was not written by tak and is in the way of its output; move it away/);
    expect([read('api/a.yaml'), read('api/b.yaml')]).toEqual(['a', 'mine']);
    expect(readdirSync(dir)).toEqual(['api']);
  });

  it('killed between moving the old folder aside and the new one in: the next run puts the old one back', () => {
    replaceFolder(target(), files({ 'a.yaml': 'old' }), options);
    const real = fs.renameSync;
    let calls = 0;
    // The second rename of the swap (the new folder in) never happens: the process "died".
    jest.spyOn(fs, 'renameSync').mockImplementation((from: PathLike, to: PathLike) => {
      if (++calls === 2) throw new Error('killed');
      real(from, to);
    });
    expect(() => replaceFolder(target(), files({ 'a.yaml': 'new' }), options)).toThrow('killed');
    jest.restoreAllMocks();
    const dead = deadPid();
    fs.renameSync(path.join(dir, `.api.old-${process.pid}`), path.join(dir, `.api.old-${dead}`));
    expect(readdirSync(dir)).toEqual([`.api.old-${dead}`]);
    recoverFolder(target());
    expect([readdirSync(dir), read('api/a.yaml')]).toEqual([['api'], 'old']);
  });

  it('sweeps what killed runs left: staging folders and old folders (also the names of earlier versions), not a running one\'s', () => {
    replaceFolder(target(), files({ 'a.yaml': 'a' }), options);
    const dead = deadPid();
    for (const name of [`.api.new-${dead}-x1`, `.api.old-${dead}`, `api.old-${dead}`, `.api.old-${process.ppid}`, 'api.old-notes']) mkdirSync(path.join(dir, name));
    recoverFolder(target());
    expect(readdirSync(dir).sort()).toEqual([`.api.old-${process.ppid}`, 'api', 'api.old-notes']);
  });
});
