import { recoverRepository } from './fs/journal';
import { loadRepository, type LoadOptions, type ParseCache } from './load';
import { WorkingTreeReader, type RepositoryReader } from './load/reader';
import { parseDeclarations } from './parse';
import { resolveRepository } from './resolve';
import type { RepositoryState } from './model/state';

/** load -> parse -> resolve: the one way any command gets a repository's state. */
export async function readState(reader: RepositoryReader, cache?: ParseCache, options: LoadOptions = {}): Promise<RepositoryState> {
  return resolveRepository(parseDeclarations(await loadRepository(reader, cache, options)));
}

/**
 * The working tree's state, after finishing a write into it that a killed command left half done;
 * with `cache`, files parsed by an earlier run (src/load/parse-cache.ts) are not parsed again.
 */
export function readWorkingTree(root: string, options: LoadOptions = {}, cache?: ParseCache): Promise<RepositoryState> {
  const note = recoverRepository(root);
  if (note) process.stderr.write(`note: ${note}\n`);
  return readState(new WorkingTreeReader(root), cache, options);
}
