/**
 * Where an export goes: a file or a folder replaced whole (src/fs/replace.ts), never over an
 * existing one without `force`, one writer at a time (a lock beside the target, src/fs/lock.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { acquireLock } from '../fs/lock';
import { checkReplaceable, replaceFile, replaceFolder } from '../fs/replace';

export { OutputExists } from '../fs/replace';

/** Takes the lock of the output `target` (`.<name>.lock` beside it), making its folder if need be. */
function lockOutput(target: string, what: string): () => void {
  mkdirSync(path.dirname(target), { recursive: true });
  return acquireLock(path.join(path.dirname(target), `.${path.basename(target)}.lock`), what);
}

/** Writes text, or pieces of text (for outputs larger than one string may be), to the file `target`. */
export async function writeOutput(target: string, content: string | Iterable<string>, force: boolean): Promise<void> {
  // Before the lock, so that nothing is made beside a device or a FIFO; again under it, by replaceFile.
  checkReplaceable(target, force);
  const release = lockOutput(target, `tak writing ${path.basename(target)}`);
  try {
    await replaceFile(target, content, force);
  } finally {
    release();
  }
}

/** Writes a folder of files (name -> text) to `target`; files in it that tak did not write are kept. */
export function writeFolder(target: string, files: Map<string, string>, force: boolean, writtenBy: string): string[] {
  const release = lockOutput(target, `${writtenBy} into ${path.basename(target)}`);
  try {
    const fill = (folder: string) => {
      for (const [name, text] of files) writeFileSync(path.join(folder, name), text);
    };
    return replaceFolder(target, fill, { force, writtenBy });
  } finally {
    release();
  }
}
