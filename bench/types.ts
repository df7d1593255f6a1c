/** One measurement of `npm run bench`: run in its own process so that peak memory is its own. */
export interface BenchCase {
  /** Column heading, e.g. "validate" or "parse floor". */
  name: string;
  /**
   * What the case does to the synthetic repository at `repo` (a folder generated for the size). A
   * case that must prepare something first returns the seconds of the part it measures.
   */
  run(repo: string): Promise<void | { seconds: number }>;
}
