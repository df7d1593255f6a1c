/**
 * Carries out an ImportPlan as one change to the repository (src/fs/journal.ts): written whole or
 * not at all, even when the process is killed; old files are removed only once every new one is in
 * place. The environment's existing connection files are replaced only with `force`, and the
 * report names them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commitChanges } from '../fs/journal';
import type { ImportPlan } from './types';
import { appendToList } from './yaml';

/** The repository holds declarations the import would replace, and --force was not given. */
export class ImportConflict extends Error {}

export function writeImport(root: string, plan: ImportPlan, force: boolean): string[] {
  if (plan.replace.length && !force) {
    const shown = plan.replace.slice(0, 5).join(', ') + (plan.replace.length > 5 ? `, and ${plan.replace.length - 5} more` : '');
    throw new ImportConflict(`the environment already has ${plan.replace.length} connection files (${shown}); pass --force to replace them with the import`);
  }
  const write = new Map(plan.create);
  for (const a of plan.append) {
    const text = write.get(a.path) ?? readFileSync(path.join(root, a.path), 'utf8');
    try {
      write.set(a.path, appendToList(text, a.key, a.items, a.flow));
    } catch (error) {
      throw new ImportConflict(`${a.path} ${(error as Error).message}; cannot add ${a.what} to it`);
    }
  }
  commitChanges(root, { write, remove: plan.replace });
  return [
    ...plan.summary,
    `${plan.create.size} files written`,
    ...plan.append.map((a) => `${a.what} added to ${a.path}`),
    ...(plan.replace.length ? [`replaced ${plan.replace.length} connection files: ${plan.replace.join(', ')}`] : []),
  ];
}
