/**
 * Where an export goes: a file written atomically (a temporary name next to it, then a rename),
 * never over an existing file without `force`; or standard output when no file is named.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { literal, removeOnExit, removeStale } from '../cleanup';

export class OutputExists extends Error {}

function temporary(target: string, force: boolean, replaceable: (target: string) => boolean): string {
  // --force replaces an earlier output, never a folder of the user's (think `-o . --force`).
  if (existsSync(target) && !replaceable(target)) throw new OutputExists(`${target} is a folder that tak did not write; name a new file or folder`);
  if (existsSync(target) && !force) throw new OutputExists(`${target} exists; pass --force to replace it`);
  mkdirSync(path.dirname(target), { recursive: true });
  // A killed earlier run left its temporary next to the target; this run's has another pid.
  const name = path.basename(target);
  removeStale(path.dirname(target), new RegExp(`^\\.${literal(name)}\\.(\\d+)\\.tmp$`));
  return path.join(path.dirname(target), `.${name}.${process.pid}.tmp`);
}

/** Writes text, or pieces of text (for outputs larger than one string may be), to `target`. */
export async function writeOutput(target: string, content: string | Iterable<string>, force: boolean): Promise<void> {
  const tmp = temporary(target, force, (t) => !statSync(t).isDirectory());
  const removeTmp = removeOnExit(tmp);
  try {
    if (typeof content === 'string') writeFileSync(tmp, content);
    else {
      const out = createWriteStream(tmp);
      for (const piece of content) if (!out.write(piece)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    }
    if (force) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } finally {
    removeTmp();
  }
}

/**
 * Writes a folder of files (relative name -> content) to `target` as a whole: staged, then renamed
 * into place. `earlier` tells an earlier output of the same command (which --force may replace).
 */
export function writeFolder(target: string, files: Map<string, string | Buffer>, force: boolean, earlier: (target: string) => boolean = isEarlierFolder): void {
  const tmp = temporary(target, force, earlier);
  const removeTmp = removeOnExit(tmp);
  try {
    mkdirSync(tmp, { recursive: true });
    for (const [name, text] of files) {
      mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true });
      writeFileSync(path.join(tmp, name), text);
    }
    if (force) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } finally {
    removeTmp();
  }
}

/** A folder that holds nothing but files of the kind writeFolder writes (`*.json`), i.e. an earlier output. */
function isEarlierFolder(target: string): boolean {
  if (!statSync(target).isDirectory()) return true;
  return readdirSync(target, { withFileTypes: true }).every((e) => e.isFile() && e.name.endsWith('.json'));
}
