import type { Declarations, Declared } from '../parse';
import type { ConnectionDecl, EnvironmentDecl } from '../model/schemas';
import type {
  AddressReference,
  AuthorizationGroup,
  Catalog,
  Connection,
  ContractReference,
  EnvironmentState,
  GroupContract,
} from '../model/state';
import type { Locator, PathSegment } from '../load/locator';
import { resolveContractRef } from './contracts';
import { suppressionsOf } from './catalog';
import { withLazyEntries } from './expand';

/** Resolves one environment: its environment.yaml and every connection file below it, expanded. */
export function resolveEnvironment(name: string, d: Declarations, catalog: Catalog): EnvironmentState {
  const declared = d.environments.find((e) => e.env === name);
  const connections = d.connections.filter((c) => c.env === name);
  const refer = (ref: string, locator: Locator, path: PathSegment[]): ContractReference => ({
    ref,
    ...resolveContractRef(ref, catalog.contractIndex, catalog.contractsByShortName),
    location: locator.locate(path),
  });
  const state = withLazyEntries({
    name,
    environment: declared?.value,
    environmentLocator: declared?.locator,
    location: declared?.locator.locate([]) ?? { file: `environments/${name}/environment.yaml`, line: 1 },
    catalog,
    installedContracts: (declared?.value.installedContracts ?? []).map((ref, i) =>
      refer(ref, declared!.locator, ['installedContracts', i]),
    ),
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
  for (const c of connections) addConnection(state, c, refer);
  return state;
}

function environmentSuppressions(env: Declared<EnvironmentDecl> | undefined, connections: Declared<ConnectionDecl>[]) {
  return [...(env ? [env] : []), ...connections].flatMap(suppressionsOf);
}

type Refer = (ref: string, locator: Locator, path: PathSegment[]) => ContractReference;

function addConnection(state: EnvironmentState, declared: Declared<ConnectionDecl>, refer: Refer): void {
  const { locator } = declared;
  const connection: Connection = { file: declared.file, env: state.name, decl: declared.value, locator };
  state.connections.push(connection);
  declared.value.routing.forEach((decl, g) => {
    const at: PathSegment[] = ['routing', g];
    state.routingGroups.push({
      connection,
      decl,
      location: locator.locate(at),
      contracts: Object.entries(decl.contracts).map(([ref, url]) => ({ ...named(refer(ref, locator, [...at, 'contracts', ref])), url })),
      addresses: addressesOf(decl.logicalAddresses, locator, at),
    });
  });
  declared.value.authorizations.forEach(({ consumer, consumers, ...decl }, g) => {
    const at: PathSegment[] = ['authorizations', g];
    const contracts = decl.contracts.map((ref, i) => named(refer(ref, locator, [...at, 'contracts', i])));
    const addresses = addressesOf(decl.logicalAddresses, locator, at);
    // `consumers: [...]` is one group per consumer, located at its item, sharing the rest.
    const each = consumer !== undefined ? [{ consumer, location: locator.locate(at) }] : consumers!.map((c, i) => ({ consumer: c, location: locator.locate([...at, 'consumers', i]) }));
    for (const one of each) {
      const group: AuthorizationGroup = { connection, decl: { ...decl, consumer: one.consumer }, location: one.location, contracts, addresses };
      state.authorizationGroups.push(group);
    }
  });
}

/** What the group's entries carry as their contract: the namespace, or the reference as written. */
function named(reference: ContractReference): GroupContract {
  const contract = reference.namespace ?? reference.ref;
  return { ...reference, contract, key: contract.toLowerCase() };
}

/**
 * A group's addresses with their keys and lines, by the parsed list they come from: both sides of a
 * plan share the declarations of unchanged files (src/parse), so these are built once for both.
 * The list's place in its file is part of its identity (one parsed list has one place).
 */
const listed = new WeakMap<readonly string[], AddressReference[]>();

function addressesOf(addresses: string[], locator: Locator, at: PathSegment[]): AddressReference[] {
  let refs = listed.get(addresses);
  if (!refs) {
    refs = addresses.map((logicalAddress, i) => ({ logicalAddress, key: logicalAddress.toLowerCase(), location: locator.locate([...at, 'logicalAddresses', i]) }));
    listed.set(addresses, refs);
  }
  return refs;
}
