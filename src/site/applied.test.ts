import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { APPLIED_NOTES_REF, appliedRef } from '../applied';
import { commitAll, git } from '../../test/plan/git';
import { appliedHistory } from './applied';

describe('the applied history the report shows', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'tak-applied-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const record = (env: string, commit: string, orderNumber: number) => JSON.stringify({ env, commit, appliedAt: '2026-12-01T10:00:00Z', orderNumber });

  it('lists the applied commits that carry a record, newest first, each with the commits it brought', async () => {
    writeFileSync(path.join(root, 'a'), '1');
    const first = commitAll(root, 'first routing');
    git(root, 'notes', `--ref=${APPLIED_NOTES_REF}`, 'add', '-m', record('qa', first, 1), first);
    writeFileSync(path.join(root, 'a'), '2');
    commitAll(root, 'change a URL');
    writeFileSync(path.join(root, 'a'), '3');
    const third = commitAll(root, 'authorize a consumer');
    git(root, 'notes', `--ref=${APPLIED_NOTES_REF}`, 'add', '-m', record('qa', third, 2), third);
    git(root, 'update-ref', appliedRef('qa'), third);
    const history = await appliedHistory(root, 'qa');
    expect(history.map((h) => [h.record.orderNumber, h.subject, h.commits])).toEqual([
      [2, 'authorize a consumer', ['authorize a consumer', 'change a URL']],
      [1, 'first routing', ['first routing']],
    ]);
    expect(await appliedHistory(root, 'prod')).toEqual([]);
  });
});
