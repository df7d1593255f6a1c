/**
 * The part of the change set that is about what surrounds the connections in one environment:
 * the systems that take part (declared for it or named by its routing and authorizations), their
 * certificates and network presence, the installed contracts, and the catalog objects the head
 * uses here for the first time.
 */
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createHash } from 'node:crypto';
import { commonName, readCertificateFile } from '../certs/read';
import { componentRow, contractRow, logicalAddressRow } from '../formats/tak/tables';
import type { EnvironmentState, System } from '../model/state';
import { naturalKey } from '../model/syntax';
import type { CertificateItem, ContractItem, EnvironmentChanges, NetworkPresence, SystemItem } from './types';

type CatalogChanges = Pick<EnvironmentChanges, 'systems' | 'certificates' | 'contracts' | 'network' | 'newObjects'>;

/** `unchanged`: the connection declarations both sides share unchanged (src/plan/diff.ts). */
export function diffCatalog(base: EnvironmentState | undefined, head: EnvironmentState | undefined, unchanged: ReadonlySet<object> = new Set()): CatalogChanges {
  const before = systemsIn(base);
  const after = systemsIn(head);
  const out: CatalogChanges = {
    systems: { added: [], removed: [], deactivated: [], changed: [] },
    certificates: { added: [], removed: [], rotated: [] },
    contracts: diffContracts(base, head),
    network: [],
    newObjects: newObjects(base, head, unchanged),
  };
  for (const [key, s] of after) {
    const old = before.get(key);
    if (!old) out.systems.added.push(systemItem(s));
    else compareSystem(old, s, head!.name, out);
    if (old && sameCertificateFiles(old, base!, s, head!)) continue;
    diffCertificates(old && certificatesOf(old, base!), certificatesOf(s, head!), s.hsaId, out.certificates);
  }
  for (const [key, s] of before) {
    if (after.has(key)) continue;
    out.systems.removed.push(systemItem(s));
    diffCertificates(certificatesOf(s, base!), [], s.hsaId, out.certificates);
  }
  return out;
}

/** The producers and consumers named in an environment, lower-cased. */
function namedSystems(state: EnvironmentState | undefined): Set<string> {
  const out = new Set<string>();
  for (const g of state?.routingGroups ?? []) out.add(naturalKey(g.decl.producer));
  for (const g of state?.authorizationGroups ?? []) out.add(naturalKey(g.decl.consumer));
  return out;
}

/** Systems that take part in an environment: declared for it, or named by its connections. */
function systemsIn(state: EnvironmentState | undefined): Map<string, System> {
  const out = new Map<string, System>();
  if (!state) return out;
  const named = namedSystems(state);
  for (const s of state.catalog.systemIndex.values()) {
    if (s.decl.environments[state.name] || named.has(s.key)) out.set(s.key, s);
  }
  return out;
}

function systemItem(s: System): SystemItem {
  return {
    hsaId: s.hsaId,
    name: s.decl.name,
    organisation: s.decl.organisation,
    ...(s.decl.deactivated ? { deactivated: s.decl.deactivated.date } : {}),
    location: s.location,
  };
}

const DESCRIBING = ['name', 'organisation', 'description', 'owners', 'contacts'] as const;

function compareSystem(old: System, s: System, env: string, out: CatalogChanges): void {
  // Compared as values: a contact written with its keys in another order is the same contact.
  const fields: string[] = DESCRIBING.filter((f) => !isDeepStrictEqual(old.decl[f], s.decl[f]));
  if (s.decl.deactivated && !old.decl.deactivated) out.systems.deactivated.push(systemItem(s));
  else if (!s.decl.deactivated && old.decl.deactivated) fields.push('reactivated');
  if (fields.length > 0) out.systems.changed.push({ key: s.key, before: systemItem(old), after: systemItem(s), fields });
  const was = presence(old, env);
  const now = presence(s, env);
  if (JSON.stringify(was) !== JSON.stringify(now)) out.network.push({ system: s.hsaId, before: was, after: now });
}

function presence(s: System, env: string): NetworkPresence {
  const e = s.decl.environments[env];
  return {
    endpoints: (e?.endpoints ?? []).map((x) => ({ host: x.host, port: x.port, addresses: x.addresses })),
    sourceAddresses: e?.sourceAddresses ?? [],
  };
}

/** A system's certificate files in the environment: named next to the system file. */
function certificateFiles(s: System, state: EnvironmentState): string[] {
  return (s.decl.environments[state.name]?.certificates ?? []).map((name) => path.posix.join(path.posix.dirname(s.file), name));
}

/** The same certificate files with the same bytes on both sides: nothing to read or compare. */
function sameCertificateFiles(old: System, oldState: EnvironmentState, s: System, state: EnvironmentState): boolean {
  const before = certificateFiles(old, oldState);
  const after = certificateFiles(s, state);
  return (
    before.length === after.length &&
    before.every((file, i) => {
      const [a, b] = [oldState.catalog.assets.get(file), state.catalog.assets.get(after[i])];
      return file === after[i] && a !== undefined && b !== undefined && a.equals(b);
    })
  );
}

/** A system's certificates in the environment, identified by fingerprint (files are next to the system file). */
function certificatesOf(s: System, state: EnvironmentState): CertificateItem[] {
  return certificateFiles(s, state).map((file) => {
    const bytes = state.catalog.assets.get(file);
    const cert = bytes ? readCertificateFile(bytes).certificates[0] : undefined;
    if (!cert) {
      const fingerprint = bytes ? createHash('sha256').update(bytes).digest('hex') : `missing:${file}`;
      return { system: s.hsaId, file, fingerprint };
    }
    return { system: s.hsaId, file, fingerprint: cert.fingerprint256, subject: commonName(cert), validTo: new Date(cert.validTo).toISOString().slice(0, 10) };
  });
}

function diffCertificates(
  before: CertificateItem[] | undefined,
  after: CertificateItem[],
  system: string,
  out: CatalogChanges['certificates'],
): void {
  const was = new Set((before ?? []).map((c) => c.fingerprint));
  const now = new Set(after.map((c) => c.fingerprint));
  const gone = (before ?? []).filter((c) => !now.has(c.fingerprint));
  const come = after.filter((c) => !was.has(c.fingerprint));
  if (gone.length > 0 && come.length > 0) out.rotated.push({ system, before: gone, after: come });
  else {
    out.added.push(...come);
    out.removed.push(...gone);
  }
}

function installed(state: EnvironmentState | undefined): Map<string, ContractItem> {
  const out = new Map<string, ContractItem>();
  for (const ref of state?.installedContracts ?? []) {
    const namespace = ref.namespace ?? ref.ref;
    const c = state!.catalog.contractIndex.get(naturalKey(namespace));
    out.set(naturalKey(namespace), { namespace, name: c ? `${c.name}:${c.major}` : ref.ref });
  }
  return out;
}

function diffContracts(base: EnvironmentState | undefined, head: EnvironmentState | undefined): CatalogChanges['contracts'] {
  const before = installed(base);
  const after = installed(head);
  return {
    installed: [...after].filter(([k]) => !before.has(k)).map(([, c]) => c),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, c]) => c),
  };
}

/** What an environment uses or installs: natural key -> the identifier as written. */
interface Used {
  components: Map<string, string>;
  logicalAddresses: Map<string, string>;
  contracts: Map<string, string>;
}

type Include = (g: { connection: { decl: object } }) => boolean;

/**
 * Every object the environment installs, and every one its groups (those `include` keeps) use, by
 * kind, natural key and identifier as written. Groups hold their keys lower-cased already: a
 * million addresses are not lowered again.
 */
function eachUse(state: EnvironmentState, include: Include, visit: (kind: keyof Used, key: string, id: string) => void): void {
  for (const c of installed(state).values()) visit('contracts', naturalKey(c.namespace), c.namespace);
  for (const g of state.routingGroups) if (include(g)) visit('components', naturalKey(g.decl.producer), g.decl.producer);
  for (const g of state.authorizationGroups) if (include(g)) visit('components', naturalKey(g.decl.consumer), g.decl.consumer);
  for (const groups of [state.routingGroups, state.authorizationGroups]) {
    for (const g of groups) {
      if (!include(g)) continue;
      for (const a of g.addresses) visit('logicalAddresses', a.key, a.logicalAddress);
      for (const c of g.contracts) visit('contracts', c.key, c.contract);
    }
  }
}

/**
 * The catalog objects the head uses here and the base does not. Only the changed files' groups can
 * use something new (an unchanged file uses the same on both sides), so they give the candidates,
 * and one pass over the base takes out what it already uses.
 */
function newObjects(base: EnvironmentState | undefined, head: EnvironmentState | undefined, unchanged: ReadonlySet<object>): CatalogChanges['newObjects'] {
  const out: CatalogChanges['newObjects'] = { components: [], logicalAddresses: [], contracts: [] };
  if (!head) return out;
  const fresh: Used = { components: new Map(), logicalAddresses: new Map(), contracts: new Map() };
  eachUse(head, (g) => !unchanged.has(g.connection.decl), (kind, key, id) => fresh[kind].set(key, id));
  if (base) eachUse(base, () => true, (kind, key) => fresh[kind].delete(key));
  const { catalog } = head;
  for (const [k, id] of fresh.components) {
    const s = catalog.systemIndex.get(k);
    out.components.push(s ? componentRow(s) : { hsaId: id, description: id });
  }
  for (const [k, id] of fresh.logicalAddresses) {
    const la = catalog.logicalAddressIndex.get(k);
    out.logicalAddresses.push(la ? logicalAddressRow(la) : { hsaId: id, description: id });
  }
  for (const [k] of fresh.contracts) {
    const c = catalog.contractIndex.get(k);
    if (c) out.contracts.push(contractRow(c));
  }
  return out;
}
