/**
 * Import: the platform's rows (TakTables, from any of its formats) into declarations in a
 * repository, which may be empty. See plan.ts for what is written and write.ts for how.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { TakTables } from '../formats/tak/tables';
import { isDeclarationFile } from '../load/layout';
import type { LoadOptions } from '../load';
import { readWorkingTree } from '../pipeline';
import { planImport, type ImportOptions } from './plan';
import { writeImport } from './write';

export { ImportConflict } from './write';
export type { ImportOptions } from './plan';

/** The environment's connection files on disk (whether they parse or not): what an import replaces. */
export function connectionFiles(root: string, env: string): string[] {
  const folder = path.join(root, 'environments', env);
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), file);
      else if (isDeclarationFile(file) && !/^environments\/[^/]+\/environment\.(ya?ml|ts)$/.test(file)) out.push(file);
    }
  };
  walk(folder, `environments/${env}`);
  return out.sort();
}

export async function importTables(root: string, env: string, tables: TakTables, options: ImportOptions & { force?: boolean; load?: LoadOptions }): Promise<string[]> {
  const state = await readWorkingTree(root, options.load);
  const target = { env, exists: (p: string) => existsSync(path.join(root, p)), connectionFiles: connectionFiles(root, env) };
  return writeImport(root, planImport(tables, state, target, options), options.force ?? false);
}
