/**
 * diff(base, head) per environment: a pure function of two resolved states. Routing entries and
 * authorizations are matched by natural key (case-insensitive), so where they are declared does not
 * matter; only what they say does. Cost is linear in the number of entries (Maps by key).
 */
import type { EnvironmentState, RoutingEntry, Authorization, Connection } from '../model/state';
import type { AuthorizationItem, Changed, EnvironmentChanges, RoutingField, RoutingItem, Validity } from './types';
import { naturalKey } from '../model/syntax';
import { diffCatalog } from './catalog-diff';
import { governanceChanges } from './governance';
import { authorizationEntry, expand, routingEntry } from '../resolve/expand';

const sameValidity = (a: Validity, b: Validity) => a.validFrom === b.validFrom && a.validTo === b.validTo;

function routingFields(a: RoutingEntry, b: RoutingEntry): RoutingField[] {
  const fields: RoutingField[] = [];
  if (a.url !== b.url) fields.push('url');
  if (a.profile.toLowerCase() !== b.profile.toLowerCase()) fields.push('profile');
  if (a.producer.toLowerCase() !== b.producer.toLowerCase()) fields.push('producer');
  if (!sameValidity(a, b)) fields.push('validity');
  return fields;
}

const authorizationFields = (a: Authorization, b: Authorization): 'validity'[] => (sameValidity(a, b) ? [] : ['validity']);

const routingItem = (r: RoutingEntry): RoutingItem => ({
  key: r.key,
  contract: r.contract,
  logicalAddress: r.logicalAddress,
  producer: r.producer,
  profile: r.profile,
  url: r.url,
  ...validity(r),
  location: r.location,
});

const authorizationItem = (a: Authorization): AuthorizationItem => ({
  key: a.key,
  consumer: a.consumer,
  contract: a.contract,
  logicalAddress: a.logicalAddress,
  ...validity(a),
  location: a.location,
});

function validity(v: Validity): Validity {
  return { ...(v.validFrom ? { validFrom: v.validFrom } : {}), ...(v.validTo ? { validTo: v.validTo } : {}) };
}

interface Keyed {
  key: string;
}

/**
 * Matches entries by key. A key usually has one entry per side; when it has several (periods one
 * after another), identical entries match first and the rest pair up in order.
 */
function diffByKey<T extends Keyed, F extends string>(
  base: readonly T[],
  head: readonly T[],
  fieldsOf: (a: T, b: T) => F[],
): { added: T[]; removed: T[]; changed: Changed<T, F>[] } {
  const byKey = new Map<string, T[]>();
  for (const b of base) {
    const list = byKey.get(b.key);
    if (list) list.push(b);
    else byKey.set(b.key, [b]);
  }
  const pending: T[] = [];
  for (const h of head) {
    const list = byKey.get(h.key);
    const same = list ? list.findIndex((b) => fieldsOf(b, h).length === 0) : -1;
    if (same >= 0) list!.splice(same, 1);
    else pending.push(h);
  }
  const added: T[] = [];
  const changed: Changed<T, F>[] = [];
  for (const h of pending) {
    const before = byKey.get(h.key)?.shift();
    if (before) changed.push({ key: h.key, before, after: h, fields: fieldsOf(before, h) });
    else added.push(h);
  }
  const removed = [...byKey.values()].flat();
  return { added, removed, changed };
}

type Entries = Pick<EnvironmentState, 'routing' | 'authorizations'>;

/**
 * The entries of each side that can differ: those of connection files that changed. A file both
 * sides share unchanged (the same declaration object, src/parse) whose contracts resolve alike
 * gives the same entries on both sides, which would only match each other; leaving them out makes
 * a plan of a small change cost as much as the change, not as the catalog.
 */
function changedEntries(base: EnvironmentState | undefined, head: EnvironmentState | undefined, same: ReadonlySet<object>): [Entries, Entries] {
  const entries = (state: EnvironmentState | undefined): Entries => {
    if (!state) return { routing: [], authorizations: [] };
    if (same.size === 0) return state;
    const changed = <G extends { connection: Connection }>(groups: G[]) => groups.filter((g) => !same.has(g.connection.decl));
    return { routing: expand(changed(state.routingGroups), routingEntry), authorizations: expand(changed(state.authorizationGroups), authorizationEntry) };
  };
  return [entries(base), entries(head)];
}

function unchangedConnections(base: EnvironmentState | undefined, head: EnvironmentState | undefined): Set<object> {
  const same = new Set<object>();
  if (!base || !head) return same;
  const before = resolvedContracts(base);
  for (const [decl, contracts] of resolvedContracts(head)) {
    const was = before.get(decl);
    if (was && was.length === contracts.length && was.every((c, i) => c === contracts[i])) same.add(decl);
  }
  return same;
}

/** Per connection declaration, what each of its groups' contracts resolved to, in order. */
function resolvedContracts(state: EnvironmentState): Map<object, string[]> {
  const out = new Map<object, string[]>();
  for (const groups of [state.routingGroups, state.authorizationGroups]) {
    for (const g of groups) {
      let list = out.get(g.connection.decl);
      if (!list) out.set(g.connection.decl, (list = []));
      for (const c of g.contracts) list.push(c.contract);
    }
  }
  return out;
}

function mapChanged<T, U, F extends string>(c: Changed<T, F>, to: (t: T) => U): Changed<U, F> {
  return { key: c.key, before: to(c.before), after: to(c.after), fields: c.fields };
}

/**
 * The changes of one environment; a side that lacks the environment counts as empty. `pack` names
 * the rule-pack files the change touches (a governance change of every environment).
 */
export function diffEnvironment(base: EnvironmentState | undefined, head: EnvironmentState | undefined, pack: readonly string[] = []): EnvironmentChanges {
  const changes = diffEntries(base, head);
  return { ...changes, governance: governanceChanges(base, head, changes, pack), systemNames: systemNames(changes, base, head) };
}

/** Head files that did not read (a file with a problem is left out of the head entirely). */
function unreadableFiles(head: EnvironmentState | undefined): Set<string> {
  return new Set((head?.diagnostics ?? []).map((d) => d.location.file));
}

function diffEntries(base: EnvironmentState | undefined, head: EnvironmentState | undefined): Omit<EnvironmentChanges, 'systemNames' | 'governance'> {
  const env = (head ?? base)!.name;
  const unreadable = unreadableFiles(head);
  // What a broken head file declared at the base is unknown at the head, not removed.
  const readable = <T extends { location: { file: string } }>(items: T[]) => (unreadable.size === 0 ? items : items.filter((x) => !unreadable.has(x.location.file)));
  const same = unchangedConnections(base, head);
  const [before, after] = changedEntries(base, head, same);
  const routing = diffByKey(before.routing, after.routing, routingFields);
  const authorizations = diffByKey(before.authorizations, after.authorizations, authorizationFields);
  const catalog = diffCatalog(base, head, same);
  return {
    env,
    presence: !base ? 'added' : !head ? 'removed' : 'both',
    unreadable: [...unreadable].sort(),
    platform: (head ?? base)!.environment?.platform,
    routing: {
      added: routing.added.map(routingItem),
      removed: readable(routing.removed).map(routingItem),
      changed: routing.changed.map((c) => mapChanged(c, routingItem)),
    },
    authorizations: {
      added: authorizations.added.map(authorizationItem),
      removed: readable(authorizations.removed).map(authorizationItem),
      changed: authorizations.changed.map((c) => mapChanged(c, authorizationItem)),
    },
    ...catalog,
    systems: { ...catalog.systems, removed: readable(catalog.systems.removed) },
    contracts: head && !head.environment && base?.environment ? { ...catalog.contracts, removed: [] } : catalog.contracts,
  };
}

/** The HSA-ids of the systems a change names (producers, consumers, systems, certificates, network). */
function namedIn(c: Omit<EnvironmentChanges, 'systemNames' | 'governance'>): Set<string> {
  const ids = new Set<string>();
  const add = (id: string) => ids.add(id.toUpperCase());
  for (const list of [c.routing.added, c.routing.removed]) for (const r of list) add(r.producer);
  for (const x of c.routing.changed) {
    add(x.before.producer);
    add(x.after.producer);
  }
  for (const list of [c.authorizations.added, c.authorizations.removed]) for (const a of list) add(a.consumer);
  for (const x of c.authorizations.changed) add(x.after.consumer);
  for (const list of [c.systems.added, c.systems.removed, c.systems.deactivated]) for (const s of list) add(s.hsaId);
  for (const x of c.systems.changed) add(x.after.hsaId);
  for (const list of [c.certificates.added, c.certificates.removed, c.certificates.rotated, c.network]) for (const x of list) add(x.system);
  return ids;
}

function systemNames(c: Omit<EnvironmentChanges, 'systemNames' | 'governance'>, base: EnvironmentState | undefined, head: EnvironmentState | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of [...namedIn(c)].sort()) {
    const key = naturalKey(id);
    const system = head?.catalog.systemIndex.get(key) ?? base?.catalog.systemIndex.get(key);
    if (system) names[id] = system.decl.name;
  }
  return names;
}

/** Every environment of either side, in name order. */
export function diffRepository(
  base: ReadonlyMap<string, EnvironmentState>,
  head: ReadonlyMap<string, EnvironmentState>,
  only?: string,
  pack: readonly string[] = [],
): EnvironmentChanges[] {
  const names = [...new Set([...base.keys(), ...head.keys()])].filter((n) => !only || n === only).sort();
  return names.map((n) => diffEnvironment(base.get(n), head.get(n), pack));
}

/** Whether an environment has any change at all. */
export function hasChanges(c: EnvironmentChanges): boolean {
  if (c.presence !== 'both' || (c.governance?.length ?? 0) > 0 || (c.unreadable?.length ?? 0) > 0) return true;
  const lists = [
    c.routing.added, c.routing.removed, c.routing.changed,
    c.authorizations.added, c.authorizations.removed, c.authorizations.changed,
    c.systems.added, c.systems.removed, c.systems.changed, c.systems.deactivated,
    c.certificates.added, c.certificates.removed, c.certificates.rotated,
    c.contracts.installed, c.contracts.removed, c.network,
  ];
  return lists.some((l) => l.length > 0);
}
