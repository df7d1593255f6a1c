/**
 * `tak drift --env E`: what is live against what E's applied commit declares. The catalog side
 * compares the TAK-api's routing and authorizations (current state only) with the declared entries
 * valid today, by natural key; the Kubernetes side is terraform's `plan -detailed-exitcode` of the
 * applied commit's stack. Nothing is corrected: the report says what differs and where it is declared.
 */
import { activeOn, isoDay } from '../check/periods';
import type { Location } from '../model/diagnostics';
import type { EnvironmentState } from '../model/state';
import { authorizationKey, routingKey, type AuthorizationRow, type RoutingRow } from '../formats/tak/tables';
import type { Deployed } from './deploy';

export interface DriftRouting {
  contract: string;
  logicalAddress: string;
  producer: string;
  profile: string;
  url: string;
  location?: Location;
}

export interface DriftAuthorization {
  consumer: string;
  contract: string;
  logicalAddress: string;
  location?: Location;
}

export interface CatalogDrift {
  /** Declared (and valid today) but not in the live catalog. */
  missing: { routing: DriftRouting[]; authorizations: DriftAuthorization[] };
  /** In the live catalog but not declared. */
  unexpected: { routing: DriftRouting[]; authorizations: DriftAuthorization[] };
  /** The same contract and logical address routed elsewhere (producer, profile or URL). */
  changed: { declared: DriftRouting; live: DriftRouting; fields: string[] }[];
}

export interface DriftReport {
  env: string;
  platform?: string;
  commit: string;
  source: string;
  /** Absent when the catalog side was not checked (no --takapi). */
  catalog?: CatalogDrift;
  /** Absent when the Kubernetes side was not checked. */
  kubernetes?: { changes: boolean; ran: string[] };
  differences: number;
}

/** The catalog's difference from the declarations of `state` valid on `now`. Linear in the entries. */
export function catalogDrift(state: EnvironmentState, live: { routing: RoutingRow[]; authorizations: AuthorizationRow[] }, now: Date): CatalogDrift {
  const day = isoDay(now);
  const drift: CatalogDrift = { missing: { routing: [], authorizations: [] }, unexpected: { routing: [], authorizations: [] }, changed: [] };
  const liveRouting = new Map(live.routing.filter((r) => activeOn({ validFrom: r.from, validTo: r.to }, day)).map((r) => [routingKey(r), r]));
  for (const r of state.routing.filter((x) => activeOn(x, day))) {
    const key = routingKey(r);
    const found = liveRouting.get(key);
    const declared = { contract: r.contract, logicalAddress: r.logicalAddress, producer: r.producer, profile: r.profile, url: r.url, location: r.location };
    liveRouting.delete(key);
    if (!found) drift.missing.routing.push(declared);
    else {
      const fields = routingDifferences(declared, found);
      if (fields.length > 0) drift.changed.push({ declared, live: plainRouting(found), fields });
    }
  }
  drift.unexpected.routing = [...liveRouting.values()].map(plainRouting);
  const liveAuthorizations = new Map(live.authorizations.filter((a) => activeOn({ validFrom: a.from, validTo: a.to }, day)).map((a) => [authorizationKey(a), a]));
  for (const a of state.authorizations.filter((x) => activeOn(x, day))) {
    const key = authorizationKey(a);
    if (liveAuthorizations.delete(key)) continue;
    drift.missing.authorizations.push({ consumer: a.consumer, contract: a.contract, logicalAddress: a.logicalAddress, location: a.location });
  }
  drift.unexpected.authorizations = [...liveAuthorizations.values()].map((a) => ({ consumer: a.consumer, contract: a.contract, logicalAddress: a.logicalAddress }));
  return drift;
}

const plainRouting = (r: RoutingRow): DriftRouting => ({ contract: r.contract, logicalAddress: r.logicalAddress, producer: r.producer, profile: r.profile, url: r.url });

function routingDifferences(a: DriftRouting, b: RoutingRow): string[] {
  const fields: string[] = [];
  if (a.url !== b.url) fields.push('url');
  if (a.producer.toLowerCase() !== b.producer.toLowerCase()) fields.push('producer');
  if (a.profile.toLowerCase() !== b.profile.toLowerCase()) fields.push('profile');
  return fields;
}

export function driftCount(c: CatalogDrift | undefined, kubernetes?: Pick<Deployed, 'changes'>): number {
  if (!c) return kubernetes?.changes ? 1 : 0;
  return c.missing.routing.length + c.missing.authorizations.length + c.unexpected.routing.length + c.unexpected.authorizations.length + c.changed.length + (kubernetes?.changes ? 1 : 0);
}

const at = (l?: Location) => (l ? ` (${l.file}:${l.line})` : '');
const routingLine = (r: DriftRouting) => `${r.contract} at ${r.logicalAddress} -> ${r.producer} ${r.profile} ${r.url}${at(r.location)}`;
const authorizationLine = (a: DriftAuthorization) => `${a.consumer} may call ${a.contract} at ${a.logicalAddress}${at(a.location)}`;

/** The report's sections as titled lists of lines, shared by the text and Markdown forms. */
function sections(r: DriftReport): { title: string; lines: string[] }[] {
  const c = r.catalog ?? { missing: { routing: [], authorizations: [] }, unexpected: { routing: [], authorizations: [] }, changed: [] };
  const out = [
    { title: 'routing entries declared but not live', lines: c.missing.routing.map(routingLine) },
    { title: 'routing entries live but not declared', lines: c.unexpected.routing.map(routingLine) },
    { title: 'routing entries that differ', lines: c.changed.map((x) => `${x.declared.contract} at ${x.declared.logicalAddress}: ${x.fields.map((f) => `${f} ${String(x.live[f as keyof DriftRouting])} live, ${String(x.declared[f as keyof DriftRouting])} declared`).join('; ')}${at(x.declared.location)}`) },
    { title: 'authorizations declared but not live', lines: c.missing.authorizations.map(authorizationLine) },
    { title: 'authorizations live but not declared', lines: c.unexpected.authorizations.map(authorizationLine) },
  ];
  if (r.kubernetes?.changes) out.push({ title: 'kubernetes objects that differ (terraform plan has changes)', lines: ['run terraform plan in cdktf.out/stacks/' + r.env + ' to see them'] });
  return out.filter((s) => s.lines.length > 0);
}

const headline = (r: DriftReport) =>
  `${r.env}${r.platform ? ` (${r.platform})` : ''}: ${r.differences === 0 ? 'no drift' : `${r.differences} difference(s)`} between ${r.source} and the applied commit ${r.commit.slice(0, 12)}`;

const catalogLine = (r: DriftReport) => (r.catalog ? '' : 'catalog: not checked (no --takapi)');
const kubernetesLine = (r: DriftReport) => (r.kubernetes ? `kubernetes: ${r.kubernetes.changes ? 'drift' : 'no drift'} (${r.kubernetes.ran.join('; ')})` : 'kubernetes: not checked');

export function renderDriftText(r: DriftReport): string {
  const out = [`tak drift ${headline(r)}`, kubernetesLine(r), catalogLine(r)].filter(Boolean);
  for (const s of sections(r)) out.push(`  ${s.title}`, ...s.lines.map((l) => `    ${l}`));
  return `${out.join('\n')}\n`;
}

export function renderDriftMarkdown(r: DriftReport): string {
  const out = [`## tak drift: ${headline(r)}`, '', ...[kubernetesLine(r), catalogLine(r)].filter(Boolean).map((l) => `- ${l}`)];
  for (const s of sections(r)) out.push('', `### ${s.title}`, '', ...s.lines.map((l) => `- ${l}`));
  return `${out.join('\n')}\n`;
}

export const renderDriftJson = (r: DriftReport): string => `${JSON.stringify(r, null, 2)}\n`;
