import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { git as testGit } from '../../test/plan/git';
import { APPLIED_NOTES_REF, appliedRef } from '../applied';
import { gitMaybe } from './git';
import { readRecord, writeRecord } from './record';

let root: string;
let head: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tak-record-'));
  testGit(root, 'init', '-q', '-b', 'main');
  testGit(root, 'config', 'user.name', 'Record Test');
  testGit(root, 'config', 'user.email', 'record@example.se');
  writeFileSync(path.join(root, 'a.txt'), 'a\n');
  testGit(root, 'add', 'a.txt');
  testGit(root, 'commit', '-q', '-m', 'a');
  head = testGit(root, 'rev-parse', 'HEAD');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('keeps one record per environment in the note of a commit that both run', () => {
  writeRecord(root, { env: 'test', commit: head, appliedAt: '2026-06-01T00:00:00.000Z', orderNumber: 3 }, undefined);
  writeRecord(root, { env: 'qa', commit: head, appliedAt: '2026-06-01T01:00:00.000Z' }, undefined);
  expect(readRecord(root, 'test')).toEqual({ env: 'test', commit: head, appliedAt: '2026-06-01T00:00:00.000Z', orderNumber: 3 });
  expect(readRecord(root, 'qa')?.appliedAt).toBe('2026-06-01T01:00:00.000Z');
  expect(testGit(root, 'rev-parse', appliedRef('qa'))).toBe(head);
});

it('puts the local refs back when the push fails, so a failed record leaves nothing', () => {
  testGit(root, 'remote', 'add', 'origin', path.join(root, 'no-such-remote.git'));
  expect(() => writeRecord(root, { env: 'test', commit: head, appliedAt: '2026-06-01T00:00:00.000Z' }, 'origin')).toThrow(/git push failed/);
  expect(gitMaybe(root, ['rev-parse', '--verify', '--quiet', appliedRef('test')])).toBeUndefined();
  expect(gitMaybe(root, ['rev-parse', '--verify', '--quiet', APPLIED_NOTES_REF])).toBeUndefined();
});

it('adds its record on top of a note another run pushed meanwhile', () => {
  const remote = `${root}-remote.git`;
  testGit(root, 'init', '-q', '--bare', remote);
  testGit(root, 'remote', 'add', 'origin', remote);
  testGit(root, 'push', '-q', 'origin', 'main');
  const other = `${root}-other`;
  testGit(root, 'clone', '-q', remote, other);
  try {
    testGit(other, 'config', 'user.name', 'Other');
    testGit(other, 'config', 'user.email', 'other@example.se');
    writeRecord(other, { env: 'test', commit: head, appliedAt: '2026-06-01T00:00:00.000Z' }, 'origin');
    writeRecord(root, { env: 'qa', commit: head, appliedAt: '2026-06-01T01:00:00.000Z' }, 'origin');
    expect(Object.keys(JSON.parse(testGit(remote, 'notes', `--ref=${APPLIED_NOTES_REF}`, 'show', head))).sort()).toEqual(['qa', 'test']);
  } finally {
    rmSync(remote, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  }
});
