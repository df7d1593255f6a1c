import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors';

/**
 * Creates the folder an output goes into, one level at a time, or says in one line why it cannot.
 * Node's recursive mkdir never returns where the kernel refuses a level with ENOENT although its
 * parent exists (/proc/x): it retries forever, synchronously, so not even SIGTERM ends it.
 */
export function ensureOutputFolder(folder: string, option: string): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  for (;;) {
    const stat = statSync(at, { throwIfNoEntry: false });
    // A file in the way: the writer's own error says so.
    if (stat) {
      if (!stat.isDirectory()) return;
      break;
    }
    missing.unshift(at);
    at = path.dirname(at);
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      if (code !== 'ENOENT') throw error;
      throw new CliError(`cannot create ${dir} (${code}), so ${option} ${folder} cannot be written; choose another ${option}`);
    }
  }
}
