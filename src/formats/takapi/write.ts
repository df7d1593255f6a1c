/**
 * Writes TakTables as the folder of TAK-api responses the api would give for one connection point,
 * every relation embedded (as with `include=` all four). Ids are assigned per endpoint, in order.
 */
import type { TakTables } from '../tak/tables';
import { naturalKey } from '../../model/syntax';
import { contractDeclaration } from '../../import/contracts';
import type { Endpoint } from './types';

export interface ConnectionPointInput {
  /** The order platform id (`NTJP-TEST`): platform `NTJP`, environment `TEST`. */
  platform: string;
  /** snapshotTime, `yyyy-MM-dd'T'HH:mm:ssZ`. */
  snapshotTime: string;
  /** Namespaces installed at the connection point (installedContracts); every contract when absent. */
  installed?: string[];
}

export function takApiResponses(tables: TakTables, input: ConnectionPointInput): Map<Endpoint, unknown[]> {
  const cut = input.platform.lastIndexOf('-');
  const connectionPoint = {
    id: 1,
    platform: cut > 0 ? input.platform.slice(0, cut) : input.platform,
    environment: cut > 0 ? input.platform.slice(cut + 1) : input.platform,
    snapshotTime: input.snapshotTime,
  };
  const registry = <T>(build: (id: number, key: string) => T) => {
    const items = new Map<string, T>();
    return { items, get: (key: string) => items.get(key) ?? (items.set(key, build(items.size + 1, key)), items.get(key)!) };
  };
  const named = (hsaId: string) => tables.components.get(naturalKey(hsaId))?.description;
  const producers = registry((id, hsaId) => ({ id, hsaId, description: named(hsaId) || undefined }));
  const consumers = registry((id, hsaId) => ({ id, hsaId, description: named(hsaId) || undefined }));
  const contracts = registry((id, namespace) => {
    const row = tables.contracts.get(naturalKey(namespace));
    const { decl } = contractDeclaration(row ?? { namespace, description: '', major: Number(/:(\d+)$/.exec(namespace)?.[1] ?? 0), minor: 0 });
    return { id, name: decl.name, namespace, major: row?.major ?? decl.major, minor: row?.minor ?? 0 };
  });
  const addresses = registry((id, la) => ({ id, logicalAddress: la, description: tables.logicalAddresses.get(naturalKey(la))?.description || undefined }));
  const domains = registry((id, domain) => ({ id, name: domain, namespace: domain.startsWith('urn:') ? domain : `urn:riv:${domain}` }));

  const serviceProductions = tables.routing.map((r, i) => ({
    id: i + 1,
    physicalAddress: r.url,
    rivtaProfile: r.profile,
    serviceProducer: producers.get(r.producer),
    logicalAddress: addresses.get(r.logicalAddress),
    serviceContract: contracts.get(r.contract),
    connectionPoint,
  }));
  const cooperations = tables.authorizations.map((a, i) => ({
    id: i + 1,
    serviceConsumer: consumers.get(a.consumer),
    logicalAddress: addresses.get(a.logicalAddress),
    serviceContract: contracts.get(a.contract),
    connectionPoint,
  }));
  for (const c of tables.contracts.values()) contracts.get(c.namespace);
  for (const la of tables.logicalAddresses.values()) addresses.get(la.hsaId);
  for (const c of tables.contracts.values()) domains.get(contractDeclaration(c).domain);
  return new Map<Endpoint, unknown[]>([
    ['connectionPoints', [connectionPoint]],
    ['serviceProducers', [...producers.items.values()]],
    ['serviceConsumers', [...consumers.items.values()]],
    ['serviceContracts', [...contracts.items.values()]],
    ['serviceDomains', [...domains.items.values()]],
    ['logicalAddresses', [...addresses.items.values()]],
    ['serviceProductions', serviceProductions],
    ['cooperations', cooperations],
    ['installedContracts', (input.installed ?? [...tables.contracts.values()].map((c) => c.namespace)).map((ns, i) => ({ id: i + 1, connectionPoint, serviceContract: contracts.get(ns) }))],
  ]);
}

/** The responses as files (`<endpoint>.json`), one item per line. */
export function takApiFiles(responses: Map<Endpoint, unknown[]>): Map<string, string> {
  return new Map([...responses].map(([name, items]) => [`${name}.json`, `[${items.length ? `\n  ${items.map((x) => JSON.stringify(x)).join(',\n  ')}\n` : ' '}]\n`]));
}
