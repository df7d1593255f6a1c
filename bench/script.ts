import type { BenchCase } from './types';

/**
 * A case measured by a script of the bench rather than by the runner (a server or a browser does the
 * work in a process of its own): the script prints its figures on stderr, and the case's row is the
 * whole script run. Run as a script (`tsx <case file> REPO`), the case file measures.
 */
export function scriptCase(module: NodeModule, name: string, measure: (repo: string) => Promise<void>, extra: Partial<BenchCase> = {}): BenchCase {
  if (require.main === module) {
    measure(process.argv[2]).catch((error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(1);
    });
  }
  return { name, command: (repo) => ['--import', 'tsx', module.filename, repo], ...extra };
}
