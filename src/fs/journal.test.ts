import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type PathLike } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { registeredCleanups } from '../cleanup';
import { commitChanges, finishInterrupted, PENDING, recoverRepository } from './journal';
import { LockHeld } from './lock';

// A plain copy of the module, so that a test can make one of its calls fail (a process killed there).
jest.mock('node:fs', () => ({ ...jest.requireActual('node:fs') }));
const fs = jest.requireMock('node:fs') as typeof import('node:fs');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tak-journal-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** Every file under root (but the pending folder): path -> content. */
function tree(dir = root, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const file = rel ? `${rel}/${e.name}` : e.name;
    if (file === PENDING) continue;
    if (e.isDirectory()) Object.assign(out, tree(dir, file));
    else out[file] = readFileSync(path.join(dir, file), 'utf8');
  }
  return out;
}
const lay = (files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
};

const OLD = {
  'environments/qa/connections/a.yaml': 'old a',
  'environments/qa/connections/b.yaml': 'old b',
  'environments/qa/connections/c.yaml': 'old c',
  'config/systems/s.yaml': 'old s',
};
const changes = () => ({
  write: new Map([
    ['environments/qa/connections/a.yaml', 'new a'],
    ['environments/qa/connections/imported/x.yaml', 'new x'],
    ['config/systems/s.yaml', 'new s'],
  ]),
  remove: ['environments/qa/connections/a.yaml', 'environments/qa/connections/b.yaml', 'environments/qa/connections/c.yaml'],
});
const NEW = { 'environments/qa/connections/a.yaml': 'new a', 'environments/qa/connections/imported/x.yaml': 'new x', 'config/systems/s.yaml': 'new s' };

describe('commitChanges', () => {
  it('writes the new files, removes the old ones, and leaves nothing of its own', () => {
    lay(OLD);
    commitChanges(root, changes());
    expect(tree()).toEqual(NEW);
    expect([readdirSync(root).includes(PENDING), registeredCleanups()]).toEqual([false, 0]);
  });

  it('failing before its commit point leaves the repository as it was', () => {
    lay(OLD);
    const real = fs.writeFileSync;
    let calls = 0;
    jest.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof real>) => {
      if (++calls === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      real(...args);
    });
    expect(() => commitChanges(root, changes())).toThrow('no space');
    jest.restoreAllMocks();
    expect(tree()).toEqual(OLD);
    expect(readdirSync(root).includes(PENDING)).toBe(false);
  });

  // The process dies at each rename in turn (the journal's, then each file's): whatever was done,
  // the next run ends with the new content, and before the journal is in place nothing was touched.
  it.each([1, 2, 3, 4])('killed at rename %i, the next run undoes it (before the commit point) or finishes it', (step) => {
    lay(OLD);
    const real = fs.renameSync;
    let calls = 0;
    jest.spyOn(fs, 'renameSync').mockImplementation((from: PathLike, to: PathLike) => {
      if (++calls === step) throw new Error('killed');
      real(from, to);
    });
    // A kill also skips the cleanups: keep the pending folder as a killed process would.
    jest.spyOn(fs, 'rmSync').mockImplementation(() => undefined);
    expect(() => commitChanges(root, changes())).toThrow('killed');
    jest.restoreAllMocks();
    const half = tree();
    for (const [file, text] of Object.entries(half)) expect([(OLD as Record<string, string>)[file], (NEW as Record<string, string>)[file]]).toContain(text);
    // No old file is gone before every new one is in place.
    for (const file of Object.keys(OLD)) expect(file in half).toBe(true);
    const done = finishInterrupted(root);
    expect(tree()).toEqual(step === 1 ? OLD : NEW);
    expect(done).toBe(step === 1 ? 'rolled back' : 'rolled forward');
    expect(readdirSync(root).includes(PENDING)).toBe(false);
  });
});

describe('recoverRepository', () => {
  it('does nothing when no write was interrupted', () => {
    expect(recoverRepository(root)).toBeUndefined();
    expect(readdirSync(root)).toEqual([]);
  });

  it('waits for the lock: while the writer runs, it refuses instead of finishing its work', () => {
    mkdirSync(path.join(root, PENDING));
    writeFileSync(path.join(root, '.tak.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-02T06:00:00Z', what: 'tak import takapi' }));
    expect(() => recoverRepository(root)).toThrow(LockHeld);
    expect(readdirSync(root).sort()).toEqual(['.tak-pending', '.tak.lock']);
  });

  it('finishes a committed change under the lock and says so', () => {
    lay(OLD);
    mkdirSync(path.join(root, PENDING, 'files', 'config/systems'), { recursive: true });
    writeFileSync(path.join(root, PENDING, 'files', 'config/systems/s.yaml'), 'new s');
    writeFileSync(path.join(root, PENDING, 'journal.json'), JSON.stringify({ write: ['config/systems/s.yaml'], remove: ['environments/qa/connections/c.yaml'] }));
    expect(recoverRepository(root)).toBe(`an interrupted import into ${root} was found and rolled forward`);
    const { 'environments/qa/connections/c.yaml': removed, ...rest } = OLD;
    expect([tree(), removed]).toEqual([{ ...rest, 'config/systems/s.yaml': 'new s' }, 'old c']);
  });
});
