/**
 * `.github/CODEOWNERS` from the declarations. Who reviews what:
 * - a system's owners: the system's own file, its certificates, and every connection file that
 *   routes to it, authorizes it as a consumer, or authorizes calls to it (a contract it produces);
 * - a service domain's owners, with the platform owners: the domain's file;
 * - the platform owners (`config/platform.yaml`): every platform-level file (trusted CAs, environment
 *   files, the logical-address catalog, service domains, this file, policies, workflows, scripts and
 *   everything else outside config/ and environments/).
 * Every generated line is one path and its owners; a path CODEOWNERS cannot express is refused.
 */
import * as path from 'node:path';
import { ownerSchema } from '../model/schemas';
import type { EnvironmentState, RepositoryState } from '../model/state';
import { naturalKey } from '../model/syntax';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

/** Platform-level paths under the declaration folders (a trailing slash: the whole folder). */
const PLATFORM_PATHS = ['config/platform.yaml', 'config/trusted-cas.yaml', 'config/cas/', 'config/logical-addresses/', 'config/service-domains/'];
const DECLARATION_FOLDERS = new Set(['config', 'environments']);

/** Characters a CODEOWNERS path cannot carry: control characters and line or paragraph breaks. */
const INEXPRESSIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether a repository path can be written as one CODEOWNERS pattern. */
export const expressible = (file: string) => !INEXPRESSIBLE.test(file);

/** CODEOWNERS paths are patterns: anchor at the root and escape what would be read as syntax. */
const pattern = (file: string) => `/${file.replace(/([\\\s#*?[\]!])/g, '\\$1')}`;

export interface Ownership {
  /** Repository path (a folder ends in `/`) -> its owners. */
  owners: Map<string, Set<string>>;
  /** Paths that cannot be written into CODEOWNERS (left out; a finding says so). */
  refused: string[];
}

/**
 * Who owns what. `files` is every file of the repository: platform owners get each top-level folder
 * and file outside config/ and environments/, so that code, workflows and scripts are never unowned.
 */
export function ownership(state: RepositoryState, files: readonly string[]): Ownership {
  const owners = new Map<string, Set<string>>();
  const refused = new Set<string>();
  const own = (file: string, list: readonly string[]) => {
    if (!expressible(file)) return void refused.add(file);
    const valid = list.filter((o) => ownerSchema.safeParse(o).success);
    if (valid.length === 0) return;
    const set = owners.get(file) ?? new Set<string>();
    for (const o of valid) set.add(o);
    owners.set(file, set);
  };
  const { catalog } = state;
  const platform = catalog.platform?.decl.owners ?? [];
  for (const p of PLATFORM_PATHS) own(p, platform);
  // CODEOWNERS itself is the platform's, whether or not it exists yet.
  for (const file of [CODEOWNERS_FILE, ...files]) {
    const top = file.split('/')[0];
    if (!DECLARATION_FOLDERS.has(top)) own(file.includes('/') ? `${top}/` : file, platform);
  }
  for (const s of catalog.systems) {
    own(s.file, s.decl.owners);
    for (const e of Object.values(s.decl.environments)) {
      for (const cert of e.certificates) own(path.posix.join(path.posix.dirname(s.file), cert), s.decl.owners);
    }
  }
  for (const d of catalog.serviceDomains) own(d.location.file, [...platform, ...d.decl.owners]);
  const ownersOf = (hsaId: string) => catalog.systemIndex.get(naturalKey(hsaId))?.decl.owners ?? [];
  for (const env of state.environments.values()) {
    if (env.environment) own(env.location.file, platform);
    const producers = producerOwners(env, ownersOf);
    for (const g of env.routingGroups) own(g.connection.file, ownersOf(g.decl.producer));
    for (const g of env.authorizationGroups) {
      own(g.connection.file, ownersOf(g.decl.consumer));
      for (const c of g.contracts) own(g.connection.file, c.namespace ? [...(producers.get(naturalKey(c.namespace)) ?? [])] : []);
    }
  }
  return { owners, refused: [...refused].sort() };
}

/** Per contract, the owners of the systems that produce it in the environment (one pass over the routing). */
function producerOwners(env: EnvironmentState, ownersOf: (hsaId: string) => readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of env.routingGroups) {
    for (const c of g.contracts) {
      if (!c.namespace) continue;
      const set = out.get(naturalKey(c.namespace)) ?? new Set<string>();
      for (const o of ownersOf(g.decl.producer)) set.add(o);
      out.set(naturalKey(c.namespace), set);
    }
  }
  return out;
}

/** The generated lines, in path order (so a folder's line comes before its files': last match wins). */
export function generatedLines(o: Ownership): string[] {
  return [...o.owners]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, set]) => `${pattern(file)} ${[...set].sort().join(' ')}`);
}

/** The files of `files` that no generated line assigns to anyone. */
export function unowned(o: Ownership, files: readonly string[]): string[] {
  const folders = [...o.owners.keys()].filter((p) => p.endsWith('/'));
  return files.filter((f) => expressible(f) && !o.owners.has(f) && !folders.some((d) => f.startsWith(d)));
}
