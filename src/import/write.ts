/**
 * Carries out an ImportPlan: everything is first written into a temporary folder inside the
 * repository (same file system, so the moves are renames); only when all of it is there are the
 * files moved into place. The environment's existing connection files are replaced only with
 * `force`, and the report names them. An interrupted import removes its temporary folder
 * (src/cleanup.ts); one left by a killed import is removed by the next.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryFolder } from '../cleanup';
import type { ImportPlan } from './types';
import { appendToList } from './yaml';

/** The repository holds declarations the import would replace, and --force was not given. */
export class ImportConflict extends Error {}

export function writeImport(root: string, plan: ImportPlan, force: boolean): string[] {
  if (plan.replace.length && !force) {
    const shown = plan.replace.slice(0, 5).join(', ') + (plan.replace.length > 5 ? `, and ${plan.replace.length - 5} more` : '');
    throw new ImportConflict(`the environment already has ${plan.replace.length} connection files (${shown}); pass --force to replace them with the import`);
  }
  const [staging, removeStaging] = temporaryFolder(root, '.tak-import');
  try {
    const staged = new Map(plan.create);
    for (const a of plan.append) {
      const text = staged.get(a.path) ?? readFileSync(path.join(root, a.path), 'utf8');
      try {
        staged.set(a.path, appendToList(text, a.key, a.items, a.flow));
      } catch (error) {
        throw new ImportConflict(`${a.path} ${(error as Error).message}; cannot add ${a.what} to it`);
      }
    }
    for (const [file, content] of staged) {
      const full = path.join(staging, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    for (const file of plan.replace) if (!staged.has(file) && existsSync(path.join(root, file))) unlinkSync(path.join(root, file));
    for (const file of staged.keys()) {
      const to = path.join(root, file);
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(path.join(staging, file), to);
    }
  } finally {
    removeStaging();
  }
  return [
    ...plan.summary,
    `${plan.create.size} files written`,
    ...plan.append.map((a) => `${a.what} added to ${a.path}`),
    ...(plan.replace.length ? [`replaced ${plan.replace.length} connection files: ${plan.replace.join(', ')}`] : []),
  ];
}
