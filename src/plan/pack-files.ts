/**
 * The rule pack is code (policies/), so a change to it is found in git rather than in the resolved
 * model: the files under policies/ (tests aside) that differ between the base commit and the head
 * (a commit, or the working tree with its untracked files).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const PACK_FOLDER = 'policies/';
const isPackFile = (f: string) => f.startsWith(PACK_FOLDER) && !f.endsWith('.test.ts');

export async function changedPackFiles(root: string, baseCommit: string, headCommit?: string): Promise<string[]> {
  const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
  const top = (await git('rev-parse', '--show-toplevel')).trim();
  const run = (...args: string[]) => promisify(execFile)('git', args, { cwd: top, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
  const changed = await run('diff', '--name-only', '-z', '--no-renames', baseCommit, ...(headCommit ? [headCommit] : []), '--', PACK_FOLDER);
  const untracked = headCommit ? '' : await run('ls-files', '-z', '--others', '--exclude-standard', '--', PACK_FOLDER);
  return [...new Set([...changed.split('\0'), ...untracked.split('\0')])].filter((f) => f && isPackFile(f)).sort();
}
