/**
 * Groups into entries: a routing group names contracts × logical addresses, and each pair is one
 * routing entry (vägval); an authorization group likewise gives one authorization
 * (anropsbehörighet) per pair. An environment's `routing` and `authorizations` are built from its
 * groups the first time something reads them: a validate reads none (its rules walk the groups),
 * a plan or an export reads them once.
 */
import type {
  AddressReference,
  Authorization,
  AuthorizationGroup,
  EnvironmentState,
  GroupContract,
  RoutingEntry,
  RoutingGroup,
} from '../model/state';

/*
 * An entry's key is its natural key (src/model/syntax.ts) joined from the lower-case keys its group
 * already holds: the same string, since lower-casing the parts of a "|"-joined string one by one
 * gives what lower-casing all of it does ("|" is no letter, so even a final sigma ends its part).
 * Joined, not concatenated: a join is one flat string, where `+` keeps a rope of the parts that a
 * million Map keys would each flatten into a second copy.
 */

const consumerKeys = new WeakMap<AuthorizationGroup, string>();

/** The group's consumer in lower case, lowered once per group however many entries or checks ask. */
export function consumerKey(group: AuthorizationGroup): string {
  let key = consumerKeys.get(group);
  if (key === undefined) consumerKeys.set(group, (key = group.decl.consumer.toLowerCase()));
  return key;
}

export function routingEntry(group: RoutingGroup, contract: RoutingGroup['contracts'][number], address: AddressReference): RoutingEntry {
  const { decl } = group;
  return {
    key: [contract.key, address.key].join('|'),
    contract: contract.contract,
    logicalAddress: address.logicalAddress,
    producer: decl.producer,
    url: contract.url,
    profile: decl.profile,
    validFrom: decl.validFrom,
    validTo: decl.validTo,
    group,
    location: address.location,
  };
}

export function authorizationEntry(group: AuthorizationGroup, contract: GroupContract, address: AddressReference): Authorization {
  const { decl } = group;
  return {
    key: [consumerKey(group), contract.key, address.key].join('|'),
    consumer: decl.consumer,
    contract: contract.contract,
    logicalAddress: address.logicalAddress,
    validFrom: decl.validFrom,
    validTo: decl.validTo,
    group,
    location: address.location,
  };
}

/** Every entry of the groups, in order: each contract at each address. */
export function expand<G extends { contracts: C[]; addresses: AddressReference[] }, C, E>(groups: readonly G[], entry: (g: G, c: C, a: AddressReference) => E): E[] {
  const out: E[] = [];
  for (const g of groups) for (const c of g.contracts) for (const a of g.addresses) out.push(entry(g, c, a));
  return out;
}

/**
 * Gives the state its `routing` and `authorizations`, each built from the groups on first read and
 * then kept; assigning either replaces it (tests and the request commands build states by hand).
 */
export function withLazyEntries(state: Omit<EnvironmentState, 'routing' | 'authorizations'>): EnvironmentState {
  lazy(state, 'routing', () => expand(state.routingGroups, routingEntry));
  lazy(state, 'authorizations', () => expand(state.authorizationGroups, authorizationEntry));
  return state as EnvironmentState;
}

function lazy(target: object, name: string, build: () => unknown): void {
  const keep = (value: unknown) => Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      keep(value);
      return value;
    },
    set: keep,
  });
}
