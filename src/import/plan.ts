/**
 * TakTables -> the files an import writes: the catalog entities the repository lacks, the
 * environment's connection files, and its environment.yaml. Pure: the repository is seen only
 * through its resolved state and `target`, and nothing is written here.
 */
import type { AuthorizationRow, RoutingRow, TakTables } from '../formats/tak/tables';
import type { RepositoryState } from '../model/state';
import { naturalKey } from '../model/syntax';
import { yearsLater } from '../model/days';
import { planCatalog, type CatalogPlan, type Role } from './catalog';
import { authorizationGroups, routingGroups, type Dating } from './connections';
import { planEnvironment } from './environment';
import { PathAllocator, slug } from './paths';
import { selectRows } from './select';
import type { Append, ImportPlan, Target } from './types';
import { toYaml } from './yaml';

export interface ImportOptions {
  /** The import day (YYYY-MM-DD): rows that ended before it are left out. */
  today: string;
  includeExpired?: boolean;
  /** The order platform id for a new environment.yaml. */
  platform?: string;
  /** Where the rows came from, for the comments in the files ("tak-export catalog.json"). */
  origin: string;
  /** Namespaces installed in the environment; all contracts of the tables when absent. */
  installed?: string[];
}

export function planImport(tables: TakTables, state: RepositoryState, target: Target, options: ImportOptions): ImportPlan {
  const selection = selectRows(tables, options.today, options.includeExpired);
  const rows = selection.tables;
  const shared = planShared(rows, state, target, options);
  const { env } = target;
  for (const file of connectionFilesFor(rows, shared, env)) shared.create.set(file.path, file.content);
  const left = selection.expired;
  return {
    create: shared.create,
    append: shared.append,
    replace: target.connectionFiles,
    summary: [
      `${rows.routing.length} routing entries and ${rows.authorizations.length} authorizations imported into environments/${env}/`,
      ...(left.routing + left.authorizations ? [`${left.routing} routing entries and ${left.authorizations} authorizations had ended before ${options.today}: left out (--include-expired keeps them)`] : []),
      ...shared.summary,
    ],
  };
}

export interface SharedPlan extends Pick<CatalogPlan, 'ref' | 'domainOf' | 'summary'> {
  create: Map<string, string>;
  append: Append[];
  paths: PathAllocator;
  dating: Dating;
  /** The header comment of the files an import writes: where the rows came from, and when. */
  origin: string;
  /** A system's name for descriptions: its catalog description, else its HSA-id. */
  name(hsaId: string): string;
}

/** What every import writes besides connection files: the catalog it lacks and environment.yaml. */
export function planShared(rows: TakTables, state: RepositoryState, target: Target, options: ImportOptions): SharedPlan {
  const replaced = new Set(target.connectionFiles);
  const paths = new PathAllocator((p) => target.exists(p) && !replaced.has(p));
  const catalog = planCatalog(rows, state.catalog, rolesOf(rows), target.env, paths);
  const create = new Map(catalog.create);
  const append = [...catalog.append];
  const origin = `Imported from ${options.origin} (environment ${target.env}) on ${options.today}.`;
  const installed = options.installed ?? [...rows.contracts.values()].map((c) => c.namespace);
  const environment = planEnvironment(state.environments.get(target.env), target, { platform: options.platform, installed, ref: catalog.ref, origin });
  if (environment.create) create.set(environment.create.path, environment.create.content);
  if (environment.append) append.push(environment.append);
  const names = (hsaId: string) =>
    rows.components.get(naturalKey(hsaId))?.description.trim() || state.catalog.systemIndex.get(naturalKey(hsaId))?.decl.name || hsaId;
  const dating = { today: options.today, openEnd: yearsLater(options.today, 50) };
  return { create, append, paths, ref: catalog.ref, domainOf: catalog.domainOf, summary: catalog.summary, dating, origin, name: names };
}

/** Routing files per (producer, service domain), authorization files per (consumer, service domain). */
function connectionFilesFor(rows: Pick<TakTables, 'routing' | 'authorizations'>, shared: SharedPlan, env: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  for (const [, bucket] of buckets(rows.routing, (r) => r.producer, shared.domainOf)) {
    const path = shared.paths.allocate(`environments/${env}/routing/${slug(bucket.owner)}`, bucket.domain);
    const decl = { description: `Routing of ${bucket.domain} by ${shared.name(bucket.owner)}`, routing: routingGroups(bucket.rows, shared.ref, shared.dating) };
    out.push({ path, content: toYaml(decl, shared.origin) });
  }
  for (const [, bucket] of buckets(rows.authorizations, (a) => a.consumer, shared.domainOf)) {
    const path = shared.paths.allocate(`environments/${env}/authorizations/${slug(bucket.owner)}`, bucket.domain);
    const decl = { description: `Authorizations of ${shared.name(bucket.owner)} for ${bucket.domain}`, authorizations: authorizationGroups(bucket.rows, shared.ref, shared.dating) };
    out.push({ path, content: toYaml(decl, shared.origin) });
  }
  return out;
}

function rolesOf(tables: TakTables): Map<string, Set<Role>> {
  const roles = new Map<string, Set<Role>>();
  const add = (hsaId: string, role: Role) => {
    const key = naturalKey(hsaId);
    roles.set(key, (roles.get(key) ?? new Set<Role>()).add(role));
  };
  for (const r of tables.routing) add(r.producer, 'producer');
  for (const a of tables.authorizations) add(a.consumer, 'consumer');
  return roles;
}

/** Rows by (system, service domain), in first-seen order. */
function buckets<R extends RoutingRow | AuthorizationRow>(rows: R[], owner: (row: R) => string, domainOf: (ns: string) => string) {
  const out = new Map<string, { owner: string; domain: string; rows: R[] }>();
  const domains = new Map<string, string>();
  for (const row of rows) {
    let domain = domains.get(row.contract);
    if (domain === undefined) domains.set(row.contract, (domain = domainOf(row.contract)));
    const key = naturalKey(owner(row), domain);
    let bucket = out.get(key);
    if (!bucket) out.set(key, (bucket = { owner: owner(row), domain, rows: [] }));
    bucket.rows.push(row);
  }
  return out;
}
