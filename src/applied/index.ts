/**
 * Where the record of what is live is kept, shared by the commands that write it (`tak apply`) and
 * those that read it (`tak status`, `tak serve`, `tak report`). Git is the record:
 * - `refs/tak/applied/<env>` points at the commit that is live in the environment;
 * - a JSON note on that commit under `refs/notes/tak-applied` says when, with which order and plan.
 * Published orders are kept in an order feed, `<env>/<number>.json`, that the catalog fetches by number.
 */

/** The ref that names the applied commit of `env`. */
export const appliedRef = (env: string): string => `refs/tak/applied/${env}`;

/** The notes ref whose notes hold an `AppliedRecord` (JSON) for each applied commit. */
export const APPLIED_NOTES_REF = 'refs/notes/tak-applied';

/** One successful apply of one environment. */
export interface AppliedRecord {
  env: string;
  /** The commit that was applied (the target of `appliedRef(env)`). */
  commit: string;
  /** ISO 8601 time of the apply. */
  appliedAt: string;
  /** The order published for this apply, when it changed the catalog. */
  orderNumber?: number;
  /** sha256 of the published order's bytes. */
  orderDigest?: string;
  /** sha256 of terraform's saved plan file. */
  planDigest?: string;
}

/** The path of order `number` of `env` inside an order feed (the same in a folder and on a branch). */
export const orderFeedPath = (env: string, number: number): string => `${env}/${number}.json`;

/** The branch that holds the order feed when no folder is configured. */
export const DEFAULT_ORDER_FEED_BRANCH = 'tak/orders';
