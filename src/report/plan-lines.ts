/**
 * The change set in the words a reviewer reads: a count line per environment, and per system the
 * changes grouped by contract, so that a mass connection is one line ("+3,000 logical addresses
 * for GetForms:2 at SE5565594230-B9P") with its list of addresses kept aside for folding.
 */
import type { AuthorizationItem, Changed, EnvironmentChanges, RoutingItem } from '../plan/types';

export interface ChangeLine {
  text: string;
  /** The individual entries (logical addresses, files), folded away in reports when many. */
  items: string[];
}

export interface Section {
  /** The system's HSA-id and name ("SE5565594230-B9P (Formulärmotorn)"), or a heading such as "Service contracts". */
  title: string;
  lines: ChangeLine[];
}

export const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** `urn:riv:…:GetFormsResponder:2` -> `GetForms:2`, as contracts are written in the declarations. */
function contractName(namespace: string): string {
  const m = /:([A-Za-z0-9_]+?)Responder:(\d+)$/.exec(namespace);
  return m ? `${m[1]}:${m[2]}` : namespace;
}

/** "+3,000 routing entries, 1 URL changed, −2 authorizations" (only what is there), or "no changes". */
export function countsLine(c: EnvironmentChanges): string {
  const urls = c.routing.changed.filter((x) => x.fields.includes('url')).length;
  const parts: [number, string, string][] = [
    [c.routing.added.length, '+1 routing entry', '+# routing entries'],
    [c.routing.removed.length, '−1 routing entry', '−# routing entries'],
    [urls, '1 URL changed', '# URLs changed'],
    [c.routing.changed.length - urls, '1 routing entry changed', '# routing entries changed'],
    [c.authorizations.added.length, '+1 authorization', '+# authorizations'],
    [c.authorizations.removed.length, '−1 authorization', '−# authorizations'],
    [c.authorizations.changed.length, '1 authorization changed', '# authorizations changed'],
    [c.systems.added.length, '1 system added', '# systems added'],
    [c.systems.removed.length, '1 system removed', '# systems removed'],
    [c.systems.deactivated.length, '1 system deactivated', '# systems deactivated'],
    [c.systems.changed.length, '1 system changed', '# systems changed'],
    [c.certificates.added.length, '1 certificate added', '# certificates added'],
    [c.certificates.rotated.length, '1 certificate rotation', '# certificate rotations'],
    [c.certificates.removed.length, '1 certificate removed', '# certificates removed'],
    [c.contracts.installed.length, '1 contract installed', '# contracts installed'],
    [c.contracts.removed.length, '1 contract removed', '# contracts removed'],
    [c.network.length, '1 network change', '# network changes'],
  ];
  const text = parts.filter(([n]) => n > 0).map(([n, one, many]) => (n === 1 ? one : many.replace('#', count(n))));
  const presence = c.presence === 'added' ? ['environment added'] : c.presence === 'removed' ? ['environment removed'] : [];
  return [...loud(c), ...presence, ...text].join(', ') || 'no changes';
}

/** What a reviewer must see first: governance changes, and head files that do not read. */
function loud(c: EnvironmentChanges): string[] {
  const out: string[] = [];
  const governance = c.governance?.length ?? 0;
  const unreadable = c.unreadable?.length ?? 0;
  if (governance > 0) out.push(`⚠ ${plural(governance, 'governance change', 'governance changes')}`);
  if (unreadable > 0) out.push(`⚠ ${plural(unreadable, 'file does', 'files do')} not read (nothing of ${unreadable === 1 ? 'it' : 'them'} counted as removed, no order)`);
  return out;
}

/** The governance changes and unreadable files as lines, for the top of an environment's report. */
export function loudLines(c: EnvironmentChanges): string[] {
  return [
    ...(c.governance ?? []).map((g) => `⚠ ${g.kind}: ${g.text}${g.location ? ` (${g.location.file}:${g.location.line})` : ''}`),
    ...(c.unreadable ?? []).map((f) => `⚠ ${f} does not read: what it declared at the base is not counted as removed, and no order is written for ${c.env}`),
  ];
}

/** Groups items by a key in one pass, keeping first-seen order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

const addresses = (n: number) => plural(n, 'logical address', 'logical addresses');
const period = (v: { validFrom?: string; validTo?: string }) => `${v.validFrom ?? '…'} – ${v.validTo ?? '…'}`;

function routingChange(c: Changed<RoutingItem, string>): string {
  const { before: b, after: a } = c;
  return c.fields
    .map((f) => (f === 'url' ? `URL ${b.url} → ${a.url}` : f === 'profile' ? `profile ${b.profile} → ${a.profile}` : f === 'producer' ? `producer ${b.producer} → ${a.producer}` : `validity ${period(b)} → ${period(a)}`))
    .join(', ');
}

/** Sections by the changes they were made from: a report renders a plan's changes several times (in full, then shorter until it fits). */
const made = new WeakMap<EnvironmentChanges, Section[]>();

/** Per system (producer or consumer), one line per contract and kind of change. */
export function sections(c: EnvironmentChanges): Section[] {
  let s = made.get(c);
  if (!s) made.set(c, (s = makeSections(c)));
  return s;
}

function makeSections(c: EnvironmentChanges): Section[] {
  const bySystem = new Map<string, ChangeLine[]>();
  const add = (system: string, line: ChangeLine) => {
    const key = system.toUpperCase();
    const lines = bySystem.get(key);
    if (lines) lines.push(line);
    else bySystem.set(key, [line]);
  };
  const la = (x: { logicalAddress: string }) => x.logicalAddress;
  for (const g of groupBy(c.routing.added, (r) => `${r.producer}|${r.contract}|${r.url}|${r.profile}`.toLowerCase())) {
    const r = g[0];
    add(r.producer, { text: `+${addresses(g.length)} for ${contractName(r.contract)} at ${r.producer} → ${r.url} (${r.profile})`, items: g.map(la) });
  }
  for (const g of groupBy(c.routing.removed, (r) => `${r.producer}|${r.contract}`.toLowerCase())) {
    add(g[0].producer, { text: `−${addresses(g.length)} for ${contractName(g[0].contract)} at ${g[0].producer}`, items: g.map(la) });
  }
  for (const g of groupBy(c.routing.changed, (x) => `${x.after.producer}|${x.after.contract}|${routingChange(x)}`.toLowerCase())) {
    const x = g[0];
    add(x.after.producer, { text: `~${addresses(g.length)} for ${contractName(x.after.contract)} at ${x.after.producer}: ${routingChange(x)}`, items: g.map((y) => y.after.logicalAddress) });
  }
  const authorized = (verb: string, g: AuthorizationItem[]) =>
    `${verb}${addresses(g.length)} for ${contractName(g[0].contract)} authorized to consumer ${g[0].consumer}`;
  for (const g of groupBy(c.authorizations.added, (a) => `${a.consumer}|${a.contract}`.toLowerCase())) add(g[0].consumer, { text: authorized('+', g), items: g.map(la) });
  for (const g of groupBy(c.authorizations.removed, (a) => `${a.consumer}|${a.contract}`.toLowerCase())) add(g[0].consumer, { text: authorized('−', g), items: g.map(la) });
  for (const g of groupBy(c.authorizations.changed, (x) => `${x.after.consumer}|${x.after.contract}|${period(x.before)}|${period(x.after)}`.toLowerCase())) {
    const x = g[0];
    add(x.after.consumer, { text: `~${addresses(g.length)} for ${contractName(x.after.contract)} authorized to ${x.after.consumer}: validity ${period(x.before)} → ${period(x.after)}`, items: g.map((y) => y.after.logicalAddress) });
  }
  systemLines(c, add);
  const named = (id: string) => (c.systemNames?.[id] ? `${id} (${c.systemNames[id]})` : id);
  const out: Section[] = [...bySystem].sort(([a], [b]) => a.localeCompare(b)).map(([id, lines]) => ({ title: named(id), lines }));
  const contracts = [
    ...c.contracts.installed.map((x) => ({ text: `+ installed ${x.name} (${x.namespace})`, items: [] })),
    ...c.contracts.removed.map((x) => ({ text: `− no longer installed ${x.name} (${x.namespace})`, items: [] })),
  ];
  if (contracts.length > 0) out.push({ title: 'Service contracts', lines: contracts });
  return out;
}

function systemLines(c: EnvironmentChanges, add: (system: string, line: ChangeLine) => void): void {
  const none: string[] = [];
  for (const s of c.systems.added) add(s.hsaId, { text: `+ system ${s.name} (${s.organisation}) takes part here`, items: none });
  for (const s of c.systems.removed) add(s.hsaId, { text: `− system ${s.name} (${s.organisation}) no longer takes part here`, items: none });
  for (const s of c.systems.deactivated) add(s.hsaId, { text: `! system ${s.name} deactivated on ${s.deactivated}`, items: none });
  for (const s of c.systems.changed) add(s.after.hsaId, { text: `~ system ${s.after.name}: ${s.fields.join(', ')} changed`, items: none });
  const cert = (x: { file: string; subject?: string; validTo?: string; fingerprint: string }) =>
    `${x.file}${x.subject ? ` (${x.subject}, valid to ${x.validTo})` : ''} ${x.fingerprint.slice(0, 23)}`;
  for (const x of c.certificates.added) add(x.system, { text: `+ certificate ${cert(x)}`, items: none });
  for (const x of c.certificates.removed) add(x.system, { text: `− certificate ${cert(x)}`, items: none });
  for (const x of c.certificates.rotated) add(x.system, { text: `~ certificate rotated: ${x.before.map(cert).join(', ')} → ${x.after.map(cert).join(', ')}`, items: none });
  for (const x of c.network) {
    const show = (p: (typeof x)['before']) =>
      [...p.endpoints.map((e) => `${e.host}:${e.port} ${e.addresses.join(' ')}`), ...(p.sourceAddresses.length ? [`sources ${p.sourceAddresses.join(' ')}`] : [])].join('; ') || 'none';
    add(x.system, { text: `~ network: ${show(x.before)} → ${show(x.after)}`, items: none });
  }
}
