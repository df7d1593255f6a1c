import { main } from '../src/cli/main';

/**
 * Runs `tak <args>` in the case's process. What it prints goes to stderr (chunks longer than
 * `longest` are dropped: a report of a million entries is not for the terminal), so that the
 * child's last line on stdout stays its figures.
 */
export async function runTak(args: string[], longest = Infinity): Promise<number> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => process.stderr.write(chunk.length > longest ? '' : chunk)) as typeof process.stdout.write;
  try {
    return await main(['node', 'tak', ...args]);
  } finally {
    process.stdout.write = write;
  }
}
