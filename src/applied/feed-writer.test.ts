import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { git } from '../../test/plan/git';
import { nextOrderNumber, orderFeedOf, orderNumbers, publishOrder, readFeedOrder } from './feed-writer';

let top: string;
beforeEach(() => {
  top = mkdtempSync(path.join(tmpdir(), 'tak-feed-'));
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

const order = (comment: string) => `${JSON.stringify({ kommentar: comment })}\n`;
const same = (text: string) => (earlier: string) => JSON.parse(earlier).kommentar === JSON.parse(text).kommentar;

describe('a folder feed', () => {
  it('numbers each environment from 1, never publishes the same change twice, and never reuses a number', () => {
    const feed = orderFeedOf({ orderFeed: { path: 'feed' } }, top);
    expect(feed).toEqual({ kind: 'folder', path: path.join(top, 'feed') });
    const context = { root: top };
    const a = order('a..b (test)');
    expect(publishOrder(feed, 'test', a, same(a), context)).toEqual({ number: 1, location: `folder ${path.join(top, 'feed')}: test/1.json`, already: false });
    expect(publishOrder(feed, 'test', a, same(a), context)).toMatchObject({ number: 1, already: true });
    expect(publishOrder(feed, 'qa', a, same(a), context)).toMatchObject({ number: 1, already: false });
    const b = order('b..c (test)');
    expect(publishOrder(feed, 'test', b, same(b), context)).toMatchObject({ number: 2, already: false });
    expect(readFileSync(path.join(top, 'feed', 'test', '2.json'), 'utf8')).toBe(b);
    writeFileSync(path.join(top, 'feed', 'test', 'README.txt'), 'not an order');
    expect(orderNumbers(feed, 'test', context)).toEqual([1, 2]);
    expect(nextOrderNumber(feed, 'test', context)).toBe(3);
  });
});

describe('a branch feed', () => {
  it('commits on tak/orders without touching the working tree, the index or HEAD', () => {
    const root = path.join(top, 'repo');
    git(top, 'init', '-q', '-b', 'main', root);
    git(root, 'config', 'user.name', 'Feed Test');
    git(root, 'config', 'user.email', 'feed@example.se');
    writeFileSync(path.join(root, 'a.txt'), 'a\n');
    git(root, 'add', 'a.txt');
    git(root, 'commit', '-q', '-m', 'a');
    writeFileSync(path.join(root, 'b.txt'), 'staged\n');
    git(root, 'add', 'b.txt');
    const head = git(root, 'rev-parse', 'HEAD');
    const feed = orderFeedOf(undefined, root);
    expect(feed).toEqual({ kind: 'branch', branch: 'tak/orders' });
    const text = order('x..y (test)');
    expect(publishOrder(feed, 'test', text, same(text), { root })).toMatchObject({ number: 1, location: 'branch tak/orders: test/1.json' });
    const next = order('y..z (test)');
    expect(publishOrder(feed, 'test', next, same(next), { root })).toMatchObject({ number: 2 });
    expect(readFeedOrder(feed, 'test', 2, { root })).toBe(next.trimEnd());
    expect(git(root, 'ls-tree', '-r', '--name-only', 'tak/orders')).toBe('test/1.json\ntest/2.json');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(root, 'status', '--porcelain')).toBe('A  b.txt');
  });
});
