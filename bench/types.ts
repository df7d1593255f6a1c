/**
 * One measurement of `npm run bench`: a whole command run from the shell (`node <command>`), so
 * that start-up counts and the peak memory (max RSS) is the command's own.
 */
export interface BenchCase {
  /** Row heading, e.g. "validate" or "plan (1% change, parse cached)". */
  name: string;
  /** Cases (file names in cases/ without `.ts`) whose results this one reads: run first when a filter leaves them out. */
  needs?: string[];
  /** Preparation that does not count (e.g. changing 1% of the repository). */
  before?(repo: string): void;
  /** The command, as arguments to `node`, on the synthetic repository at `repo`. */
  command(repo: string): string[];
  /** Exit codes that count as success (default: 0). */
  exitCodes?: number[];
  /** Clean-up that does not count. */
  after?(repo: string): void;
  /** What the case must achieve on the 1M-entry repository. */
  target?: { seconds?: number; timesFloor?: number };
}
