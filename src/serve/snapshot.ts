/**
 * What `tak serve` answers from for one environment: the rows of one commit's declarations, sorted
 * and numbered once when the commit is loaded, so that every request only streams or looks up.
 * A snapshot is immutable; a reload builds a new one and swaps it in whole.
 */
import { naturalKey } from '../model/syntax';
import type { EnvironmentState } from '../model/state';
import type { OrderFeedConfig } from '../applied/feed-reader';
import { callAddressKey, DEFAULT_INTEGRATION_AGREEMENT, tablesFromState, type AuthorizationRow, type ContractRow, type RoutingRow, type TakTables } from '../formats/tak/tables';
import { identifiedAuthorizations, identifiedRouting, type Identified } from '../formats/vp-cache/write';
import { TakApi, type ApiLists } from './takapi';

export interface Snapshot {
  env: string;
  /** The commit served, and whether it is the applied ref's or (none applied yet) HEAD's. */
  commit: string;
  source: 'applied' | 'HEAD';
  loadedAt: Date;
  platform: string;
  orderFeed: OrderFeedConfig;
  routing: Identified<RoutingRow>[];
  authorizations: Identified<AuthorizationRow>[];
  contracts: ContractRow[];
  /** The catalog's components with their call addresses and authorizations (built on first use). */
  components(): ComponentInfo[];
  api: TakApi;
}

/** tjanstekomponentInfo: a system, the addresses it produces at, and the authorizations it holds. */
export interface ComponentInfo {
  hsaId: string;
  description: string;
  callAddresses: { url: string; profile: string; routing: (RoutingRow & { logicalAddressDescription: string })[] }[];
  authorizations: (AuthorizationRow & { integrationAgreement: string; logicalAddressDescription: string })[];
}

export interface SnapshotSource {
  commit: string;
  source: 'applied' | 'HEAD';
}

/**
 * What a snapshot is made of, as plain data that crosses a thread boundary (the commit is read and
 * checked in a worker thread, so that serving never stops for it).
 */
export interface PreparedEnvironment {
  env: string;
  platform: string;
  orderFeed: OrderFeedConfig;
  tables: TakTables;
  /** The TAK-api's lists, as of `loadedAt`. */
  api: ApiLists;
  loadedAt: Date;
  routing: Identified<RoutingRow>[];
  authorizations: Identified<AuthorizationRow>[];
}

/** The environment's rows, sorted and numbered (the expensive part, done where the state was read). */
export function prepareEnvironment(state: EnvironmentState, loadedAt: Date): PreparedEnvironment {
  const tables = tablesFromState(state);
  const platform = state.environment?.platform ?? state.name.toUpperCase();
  return {
    env: state.name,
    platform,
    orderFeed: state.environment?.orderFeed,
    tables,
    api: TakApi.lists(tables, { platform, snapshotTime: loadedAt, installed: state.installedContracts.map((c) => c.namespace ?? c.ref) }),
    loadedAt,
    routing: identifiedRouting(tables.routing),
    authorizations: identifiedAuthorizations(tables.authorizations),
  };
}

export function buildSnapshot(prepared: PreparedEnvironment, from: SnapshotSource): Snapshot {
  const { tables, platform } = prepared;
  let components: ComponentInfo[] | undefined;
  return {
    env: prepared.env,
    ...from,
    loadedAt: prepared.loadedAt,
    platform,
    orderFeed: prepared.orderFeed,
    routing: prepared.routing,
    authorizations: prepared.authorizations,
    contracts: [...tables.contracts.values()].sort((a, b) => compare(a.namespace, b.namespace)),
    components: () => (components ??= componentInfos(tables)),
    api: new TakApi(prepared.api),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function componentInfos(tables: TakTables): ComponentInfo[] {
  const described = (la: string) => tables.logicalAddresses.get(naturalKey(la))?.description ?? '';
  const byComponent = new Map<string, ComponentInfo>();
  const component = (hsaId: string) => {
    const key = naturalKey(hsaId);
    let info = byComponent.get(key);
    if (!info) {
      info = { hsaId, description: tables.components.get(key)?.description ?? '', callAddresses: [], authorizations: [] };
      byComponent.set(key, info);
    }
    return info;
  };
  for (const row of tables.components.values()) component(row.hsaId);
  const addresses = new Map<string, ComponentInfo['callAddresses'][number]>();
  for (const r of tables.routing) {
    const key = callAddressKey(r);
    let address = addresses.get(key);
    if (!address) {
      address = { url: r.url, profile: r.profile, routing: [] };
      addresses.set(key, address);
      component(r.producer).callAddresses.push(address);
    }
    address.routing.push({ ...r, logicalAddressDescription: described(r.logicalAddress) });
  }
  for (const a of tables.authorizations) {
    component(a.consumer).authorizations.push({ ...a, integrationAgreement: a.integrationAgreement ?? DEFAULT_INTEGRATION_AGREEMENT, logicalAddressDescription: described(a.logicalAddress) });
  }
  return [...byComponent.values()].sort((a, b) => compare(naturalKey(a.hsaId), naturalKey(b.hsaId)));
}
