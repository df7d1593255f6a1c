/**
 * Governance changes: what a change does to what is trusted or enforced in one environment (trusted
 * CAs, stage, promotion source, policy switches, the rule pack, suppressions, installed contracts,
 * network rules). They are reported first in every plan, and a configurable set of them needs the
 * platform owners' recorded approval (the governance-approved rule).
 */
import { createHash } from 'node:crypto';
import type { Location } from '../model/diagnostics';
import type { GovernanceKind } from '../model/schemas';
import type { EnvironmentState, Suppression } from '../model/state';
import type { EnvironmentChanges } from './types';

export interface GovernanceChange {
  kind: GovernanceKind;
  /** One line for the reviewer: `stage prod → test`. */
  text: string;
  location?: Location;
}

const show = (v: unknown) => (v === undefined ? '(not set)' : String(v));

/** Trusted CAs of one environment, by name and certificate fingerprint. */
function trusted(state: EnvironmentState | undefined): Map<string, { name: string; location: Location }> {
  const out = new Map<string, { name: string; location: Location }>();
  for (const ca of state?.catalog.trustedCas ?? []) {
    if (!ca.decl.environments.includes(state!.name)) continue;
    const bytes = state!.catalog.assets.get(`config/${ca.decl.file}`);
    const print = bytes ? createHash('sha256').update(bytes).digest('hex').slice(0, 16) : `missing ${ca.decl.file}`;
    out.set(`${ca.decl.name}|${ca.decl.test}|${print}`, { name: `${ca.decl.name}${ca.decl.test ? ' (test CA)' : ''} ${ca.decl.file} sha256:${print}`, location: ca.location });
  }
  return out;
}

const suppressionKey = (s: Suppression) => [s.file, s.decl.rule, s.decl.entity ?? '', s.decl.reason].join('\0').toLowerCase();

function settings(base: EnvironmentState | undefined, head: EnvironmentState | undefined): GovernanceChange[] {
  const out: GovernanceChange[] = [];
  const b = base?.environment;
  const h = head?.environment;
  const at = (key: string[]) => head?.environmentLocator?.locate(key) ?? head?.location;
  if (b?.stage !== h?.stage) out.push({ kind: 'stage', text: `stage ${show(b?.stage)} → ${show(h?.stage)}`, location: at(['stage']) });
  if (b?.promotesFrom !== h?.promotesFrom) {
    out.push({ kind: 'promotion-source', text: `promotesFrom ${show(b?.promotesFrom)} → ${show(h?.promotesFrom)}`, location: at(['promotesFrom']) });
  }
  const keys = new Set([...Object.keys(b?.policy ?? {}), ...Object.keys(h?.policy ?? {})]);
  for (const key of [...keys].sort()) {
    const was = (b?.policy as Record<string, unknown> | undefined)?.[key];
    const now = (h?.policy as Record<string, unknown> | undefined)?.[key];
    if (was !== now) out.push({ kind: 'policy', text: `policy.${key} ${show(was)} → ${show(now)}`, location: at(['policy', key]) });
  }
  return out;
}

/**
 * The governance changes of one environment. `pack` lists the rule-pack files (policies/) the change
 * touches: the pack is code, shared by every environment.
 */
export function governanceChanges(
  base: EnvironmentState | undefined,
  head: EnvironmentState | undefined,
  changes: Pick<EnvironmentChanges, 'contracts' | 'network'>,
  pack: readonly string[] = [],
): GovernanceChange[] {
  const out = settings(base, head);
  const [was, now] = [trusted(base), trusted(head)];
  for (const [k, ca] of now) if (!was.has(k)) out.push({ kind: 'trusted-ca', text: `+ trusted CA ${ca.name}`, location: ca.location });
  for (const [k, ca] of was) if (!now.has(k)) out.push({ kind: 'trusted-ca', text: `− trusted CA ${ca.name}`, location: ca.location });
  for (const file of pack) out.push({ kind: 'pack', text: `rule pack file ${file} changed`, location: { file, line: 1 } });
  const before = new Set((base?.suppressions ?? []).map(suppressionKey));
  for (const s of head?.suppressions ?? []) {
    if (before.has(suppressionKey(s))) continue;
    const what = `${s.decl.rule}${s.decl.entity ? ` for ${s.decl.entity}` : ` in ${s.file}`}`;
    out.push({ kind: 'suppression', text: `+ suppression of ${what}: ${s.decl.reason}${s.decl.ticket ? ` (${s.decl.ticket})` : ''}`, location: s.location });
  }
  for (const c of changes.contracts.installed) out.push({ kind: 'installed-contract', text: `+ installed ${c.name}` });
  for (const c of changes.contracts.removed) out.push({ kind: 'installed-contract', text: `− no longer installed ${c.name}` });
  for (const n of changes.network) out.push({ kind: 'network', text: `network rules of ${n.system} changed` });
  return out;
}
