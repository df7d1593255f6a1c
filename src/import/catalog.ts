/**
 * The shared catalog (`config/`) an import needs: systems, service domains with their contracts,
 * and the logical-address catalog. What the repository already declares is left as it is; only
 * entities it lacks are added, so importing a second environment adds to the first.
 */
import type { ContractDecl } from '../model/schemas';
import type { Catalog } from '../model/state';
import { naturalKey } from '../model/syntax';
import { shortName } from '../resolve/contracts';
import type { TakTables } from '../formats/tak/tables';
import { contractDeclaration } from './contracts';
import type { PathAllocator } from './paths';
import type { Append } from './types';
import { toYaml } from './yaml';

export type Role = 'producer' | 'consumer';

export interface CatalogPlan {
  create: Map<string, string>;
  append: Append[];
  summary: string[];
  /** How a connection file names a contract: `Name:major` where that is unambiguous, else the namespace. */
  ref(namespace: string): string;
  /** The service domain a contract belongs to (for grouping connection files). */
  domainOf(namespace: string): string;
}

export function planCatalog(tables: TakTables, catalog: Catalog, roles: Map<string, Set<Role>>, origin: string, paths: PathAllocator): CatalogPlan {
  const create = new Map<string, string>();
  const append: Append[] = [];
  const systems = planSystems(tables, catalog, roles, origin, paths, create);
  const contracts = planContracts(tables, catalog, paths, create, append);
  const addresses = planAddresses(tables, catalog, paths, create, append);
  return {
    create,
    append,
    summary: [`${systems} systems`, `${contracts.added} service contracts`, `${addresses} logical addresses`].map((s) => `${s} added to the catalog`),
    ref: contracts.ref,
    domainOf: contracts.domainOf,
  };
}

function planSystems(tables: TakTables, catalog: Catalog, roles: Map<string, Set<Role>>, origin: string, paths: PathAllocator, create: Map<string, string>): number {
  let added = 0;
  for (const [key, c] of tables.components) {
    if (catalog.systemIndex.has(key)) continue;
    const found = [...(roles.get(key) ?? [])].sort();
    const org = /^SE(\d{10,12})-/i.exec(c.hsaId)?.[1];
    const comment = [
      `Imported from the catalog of ${origin}: ${found.length ? `${found.join(' and ')} there` : 'neither producer nor consumer there'}.`,
      `The organisation is ${org ? 'the HSA-id\'s organisation number' : 'not in the catalog'}; replace it with its name, and add owners and contacts.`,
    ].join('\n');
    const decl = { hsaId: c.hsaId, name: c.description || c.hsaId, organisation: org ?? 'unknown' };
    create.set(paths.allocate('config/systems', c.hsaId), toYaml(decl, comment));
    added++;
  }
  return added;
}

function planContracts(tables: TakTables, catalog: Catalog, paths: PathAllocator, create: Map<string, string>, append: Append[]) {
  const domains = new Map<string, { domain: string; contracts: ContractDecl[] }>();
  const domainByNamespace = new Map<string, string>();
  const names = new Map<string, { name: string; major: number; legacy: boolean }>();
  for (const c of catalog.contractIndex.values()) {
    domainByNamespace.set(c.key, c.domain);
    names.set(c.key, { name: c.name, major: c.major, legacy: false });
  }
  for (const [key, row] of tables.contracts) {
    if (catalog.contractIndex.has(key)) continue;
    const { domain, decl } = contractDeclaration(row);
    const bucket = domains.get(domain.toLowerCase()) ?? { domain, contracts: [] };
    bucket.contracts.push(decl);
    domains.set(domain.toLowerCase(), bucket);
    domainByNamespace.set(key, bucket.domain);
    names.set(key, { name: decl.name, major: decl.major, legacy: decl.namespace !== undefined });
  }
  let added = 0;
  for (const { domain, contracts } of domains.values()) {
    added += contracts.length;
    const existing = catalog.serviceDomains.find((d) => d.domain.toLowerCase() === domain.toLowerCase());
    if (existing) {
      append.push({ path: existing.location.file, key: 'contracts', items: contracts, flow: true, what: `${contracts.length} service contracts` });
    } else {
      const file = paths.allocate('config/service-domains', domain);
      create.set(file, toYaml({ domain, contracts }, 'Imported from the catalog: the contracts of this service domain.', 'contracts'));
    }
  }
  const shortCount = new Map<string, number>();
  for (const n of names.values()) shortCount.set(shortName(n.name, n.major), (shortCount.get(shortName(n.name, n.major)) ?? 0) + 1);
  const refOf = (namespace: string) => {
    const n = names.get(naturalKey(namespace));
    if (!n || n.legacy || shortCount.get(shortName(n.name, n.major)) !== 1 || !/^[A-Za-z0-9_]+$/.test(n.name)) return namespace;
    return `${n.name}:${n.major}`;
  };
  // Asked for every row the import writes (millions), about a few hundred contracts.
  const refs = new Map<string, string>();
  const ref = (namespace: string) => {
    let found = refs.get(namespace);
    if (found === undefined) refs.set(namespace, (found = refOf(namespace)));
    return found;
  };
  const domainOf = (namespace: string) => domainByNamespace.get(naturalKey(namespace)) ?? contractDeclaration({ namespace, description: '', major: 0, minor: 0 }).domain;
  return { added, ref, domainOf };
}

/** New logical addresses, one file per organisation (the HSA-id's organisation number), the rest together. */
function planAddresses(tables: TakTables, catalog: Catalog, paths: PathAllocator, create: Map<string, string>, append: Append[]): number {
  const files = new Map<string, { hsaId: string; description: string }[]>();
  for (const [key, la] of tables.logicalAddresses) {
    if (catalog.logicalAddressIndex.has(key)) continue;
    const org = /^SE(\d{10,12})-/i.exec(la.hsaId)?.[1];
    const name = org ? `se${org}` : 'other';
    const list = files.get(name) ?? [];
    list.push({ hsaId: la.hsaId, description: la.description || la.hsaId });
    files.set(name, list);
  }
  const catalogFiles = new Set(catalog.logicalAddresses.map((la) => la.location.file));
  let added = 0;
  for (const [name, items] of files) {
    added += items.length;
    items.sort((a, b) => (a.hsaId < b.hsaId ? -1 : a.hsaId > b.hsaId ? 1 : 0));
    const path = `config/logical-addresses/${name}.yaml`;
    if (catalogFiles.has(path)) {
      append.push({ path, key: 'logicalAddresses', items, flow: true, what: `${items.length} logical addresses` });
    } else {
      const comment = `Imported from the catalog: logical addresses ${name === 'other' ? 'that are not HSA-ids of one organisation' : `of organisation ${name.toUpperCase()}`}.`;
      create.set(paths.allocate('config/logical-addresses', name), toYaml({ logicalAddresses: items }, comment, 'logicalAddresses'));
    }
  }
  return added;
}
