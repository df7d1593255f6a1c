import type { Declarations, Declared } from '../parse';
import type { ConnectionDecl, EnvironmentDecl } from '../model/schemas';
import type {
  AuthorizationGroup,
  Catalog,
  Connection,
  EnvironmentState,
  RoutingGroup,
} from '../model/state';
import type { Locator, PathSegment } from '../load/locator';
import { AddressListing, ListedContract, ListedGroup, RoutedContract, type Resolution } from './listed';
import { resolveContractRef } from './contracts';
import { suppressionsOf } from './catalog';
import { withLazyEntries } from './expand';

/** Resolves one environment: its environment.yaml and every connection file below it, expanded. */
export function resolveEnvironment(name: string, d: Declarations, catalog: Catalog): EnvironmentState {
  const declared = d.environments.find((e) => e.env === name);
  const connections = d.connections.filter((c) => c.env === name);
  const refer = resolver(catalog);
  const state = withLazyEntries({
    name,
    environment: declared?.value,
    environmentLocator: declared?.locator,
    location: declared?.locator.locate([]) ?? { file: `environments/${name}/environment.yaml`, line: 1 },
    catalog,
    installedContracts: (declared?.value.installedContracts ?? []).map((ref, i) => new ListedContract(ref, refer(ref), declared!.locator, INSTALLED, i)),
    connections: [],
    routingGroups: [],
    authorizationGroups: [],
    suppressions: [...catalog.suppressions, ...environmentSuppressions(declared, connections)],
    diagnostics: [
      ...catalog.diagnostics,
      ...d.diagnostics.filter((diag) => diag.location.file.startsWith(`environments/${name}/`)),
    ],
  });
  const envFileFailed = state.diagnostics.some((diag) => /^environments\/[^/]+\/environment\.(ya?ml|ts)$/.test(diag.location.file));
  if (!declared && !envFileFailed) {
    state.diagnostics.push({
      message: `environments/${name}/ has no environment.yaml; declare its platform id, stage and installed contracts there`,
      location: state.location,
    });
  }
  const domains = catalog.serviceDomains.map((x) => x.decl);
  for (const c of connections) {
    const known = resolved.get(c.value);
    if (known && sameItems(known.domains, domains)) keepConnection(state, known);
    else resolved.set(c.value, { domains, ...addConnection(state, c, refer) });
  }
  return state;
}

/** A connection file's groups, with the service domains its contract references were resolved against. */
interface ResolvedConnection {
  domains: readonly object[];
  connection: Connection;
  routingGroups: RoutingGroup[];
  authorizationGroups: AuthorizationGroup[];
}

/**
 * Groups by the declaration they come from. Both sides of a plan hold the same declaration object
 * for a file that did not change (src/parse), and when the service domains are the same objects
 * too, its references resolve alike: the head then takes the groups the base built, which is most
 * of resolving a large repository, and the diff sees them unchanged.
 */
const resolved = new WeakMap<ConnectionDecl, ResolvedConnection>();

function keepConnection(state: EnvironmentState, known: Omit<ResolvedConnection, 'domains'>): void {
  state.connections.push(known.connection);
  for (const g of known.routingGroups) state.routingGroups.push(g);
  for (const g of known.authorizationGroups) state.authorizationGroups.push(g);
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function environmentSuppressions(env: Declared<EnvironmentDecl> | undefined, connections: Declared<ConnectionDecl>[]) {
  return [...(env ? [env] : []), ...connections].flatMap(suppressionsOf);
}

type Refer = (ref: string) => Resolution;

const INSTALLED: PathSegment[] = ['installedContracts'];
const ROUTING: PathSegment[] = ['routing'];
const AUTHORIZATIONS: PathSegment[] = ['authorizations'];

/** Resolves contract references against the catalog, each way of writing one once: groups repeat them by the thousand. */
function resolver(catalog: Catalog): Refer {
  const known = new Map<string, Resolution>();
  return (ref) => {
    let resolution = known.get(ref);
    if (!resolution) {
      const { namespace, problem } = resolveContractRef(ref, catalog.contractIndex, catalog.contractsByShortName);
      const contract = namespace ?? ref;
      known.set(ref, (resolution = { ...(namespace ? { namespace } : { problem }), contract, key: contract.toLowerCase() }));
    }
    return resolution;
  };
}

function addConnection(state: EnvironmentState, declared: Declared<ConnectionDecl>, refer: Refer): Omit<ResolvedConnection, 'domains'> {
  const { locator } = declared;
  const connection: Connection = { file: declared.file, env: state.name, decl: declared.value, locator };
  const routingGroups = declared.value.routing.map((decl, g): RoutingGroup => {
    const at: PathSegment[] = ['routing', g];
    const contracts: PathSegment[] = [...at, 'contracts'];
    const listed = Object.entries(decl.contracts).map(([ref, url]) => new RoutedContract(ref, refer(ref), url, locator, contracts));
    return new ListedGroup(connection, decl, listed, addressesOf(decl.logicalAddresses, locator, at), ROUTING, g);
  });
  const authorizationGroups = declared.value.authorizations.flatMap(({ consumer, consumers, ...decl }, g): AuthorizationGroup[] => {
    const at: PathSegment[] = ['authorizations', g];
    const list: PathSegment[] = [...at, 'contracts'];
    const contracts = decl.contracts.map((ref, i) => new ListedContract(ref, refer(ref), locator, list, i));
    const addresses = addressesOf(decl.logicalAddresses, locator, at);
    // `consumers: [...]` is one group per consumer, located at its item, sharing the rest.
    if (consumer !== undefined) return [new ListedGroup(connection, { ...decl, consumer }, contracts, addresses, AUTHORIZATIONS, g)];
    const items: PathSegment[] = [...at, 'consumers'];
    return consumers!.map((c, i) => new ListedGroup(connection, { ...decl, consumer: c }, contracts, addresses, items, i));
  });
  const done = { connection, routingGroups, authorizationGroups };
  keepConnection(state, done);
  return done;
}

function addressesOf(written: string[], locator: Locator, at: PathSegment[]): AddressListing {
  return new AddressListing(written, locator, [...at, 'logicalAddresses']);
}
