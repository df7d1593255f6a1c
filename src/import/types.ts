/** What an import will do to the repository, decided before anything is written. */
export interface ImportPlan {
  /** New files: repository path -> content. */
  create: Map<string, string>;
  /** Additions to existing catalog files (the rest of the file is kept). */
  append: Append[];
  /** Existing connection files of the environment that the import replaces (needs --force). */
  replace: string[];
  /** One line per kind of thing imported, for the command's report. */
  summary: string[];
}

export interface Append {
  path: string;
  key: string;
  items: unknown[];
  flow: boolean;
  /** "3 logical addresses", for the report. */
  what: string;
}

/** How the planner sees the repository it imports into. */
export interface Target {
  env: string;
  /** Whether a file exists at a repository path. */
  exists(path: string): boolean;
  /** The environment's connection files that exist now (repository paths). */
  connectionFiles: string[];
}
