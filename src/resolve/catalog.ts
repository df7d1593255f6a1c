import type { Declarations, Declared } from '../parse';
import type { Catalog, ServiceContract, Suppression } from '../model/state';
import type { SuppressionDecl } from '../model/schemas';
import { shortName } from './contracts';
import { CatalogAddress, CatalogContract, CatalogDomain, CatalogSystem } from './listed';
import type { PathSegment } from '../load/locator';

/** Indexes put the first declaration first; the entity-unique rule reports later duplicates. */
function indexFirst<T>(items: T[], keyOf: (item: T) => string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) if (!index.has(keyOf(item))) index.set(keyOf(item), item);
  return index;
}

export function suppressionsOf(declared: Declared<{ suppressions?: SuppressionDecl[] }>): Suppression[] {
  return (declared.value.suppressions ?? []).map((decl, i) => ({
    decl,
    file: declared.file,
    location: declared.locator.locate(['suppressions', i]),
  }));
}

const LOGICAL_ADDRESSES: PathSegment[] = ['logicalAddresses'];

type DeclaredPart = Omit<Catalog, 'assets' | 'privateKeys' | 'suppressions' | 'diagnostics'>;

/**
 * The declared part of the last catalog built, by the declarations it was built from. The two
 * sides of a plan hold the same declaration objects for every file that did not change (src/parse),
 * so a change that leaves config/ alone builds its systems, contracts and addresses once.
 */
let last: { from: readonly object[]; part: DeclaredPart } | undefined;

/** Builds the shared catalog from everything declared under `config/`. */
export function resolveCatalog(d: Declarations): Catalog {
  const configFiles = [...d.systems, ...d.serviceDomains, ...d.logicalAddressCatalogs, ...d.trustedCas, ...d.platform];
  const from = configFiles.map((x) => x.value);
  if (!last || last.from.length !== from.length || last.from.some((x, i) => x !== from[i])) last = { from, part: declaredPart(d) };
  return {
    ...last.part,
    assets: d.assets,
    privateKeys: d.privateKeys,
    suppressions: configFiles.flatMap(suppressionsOf),
    diagnostics: d.diagnostics.filter((diag) => !diag.location.file.startsWith('environments/')),
  };
}

function declaredPart(d: Declarations): DeclaredPart {
  const systems = d.systems.map((x) => new CatalogSystem(x.value, x.file, x.locator));
  const serviceDomains = d.serviceDomains.map((x) => new CatalogDomain(x.value, x.locator));
  const contracts: ServiceContract[] = d.serviceDomains.flatMap((x) => x.value.contracts.map((c, i) => new CatalogContract(x.value.domain, c, x.locator, i)));
  const contractIndex = indexFirst(contracts, (c) => c.key);
  const contractsByShortName = new Map<string, ServiceContract[]>();
  for (const c of contractIndex.values()) {
    const key = shortName(c.name, c.major);
    contractsByShortName.set(key, [...(contractsByShortName.get(key) ?? []), c]);
  }
  const logicalAddresses = d.logicalAddressCatalogs.flatMap((x) => x.value.logicalAddresses.map((la, i) => new CatalogAddress(la, x.locator, LOGICAL_ADDRESSES, i)));
  const trustedCas = d.trustedCas.flatMap((x) =>
    x.value.cas.map((decl, i) => ({ decl, location: x.locator.locate(['cas', i]) })),
  );
  const platform = d.platform[0];
  return {
    systems,
    systemIndex: indexFirst(systems, (s) => s.key),
    serviceDomains,
    contracts,
    contractIndex,
    contractsByShortName,
    logicalAddresses,
    logicalAddressIndex: indexFirst(logicalAddresses, (la) => la.key),
    trustedCas,
    ...(platform ? { platform: { decl: platform.value, location: platform.locator.locate([]) } } : {}),
  };
}
