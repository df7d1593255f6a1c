/**
 * Who the platform talks to in one environment: the consumers that hold an authorization (the
 * ingress lets in their source addresses) and the producers that routing points at (the platform
 * may reach their endpoints). One pass over the entries; systems are looked up by natural key.
 */
import type { EnvironmentState, System } from '../src/model/state';
import { naturalKey } from '../src/model/syntax';
import { parseCidr } from '../src/net/cidr';
import type { PathSegment } from '../src/load/locator';
import { formatPath } from '../src/parse/issues';
import type { Problem } from './problems';

export interface Party {
  hsaId: string;
  /** Absent when no system is declared with this HSA-id (the reference rule reports it). */
  system?: System;
}

export function authorizedConsumers(state: EnvironmentState): Party[] {
  return parties(state, state.authorizations.map((a) => a.consumer));
}

export function routedProducers(state: EnvironmentState): Party[] {
  return parties(state, state.routing.map((r) => r.producer));
}

function parties(state: EnvironmentState, hsaIds: string[]): Party[] {
  const byKey = new Map<string, string>();
  for (const id of hsaIds) {
    const key = naturalKey(id);
    if (!byKey.has(key)) byKey.set(key, id);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, hsaId]) => ({ hsaId, system: state.catalog.systemIndex.get(key) }));
}

/**
 * Canonical CIDR blocks of a system's declared addresses; a malformed one is a problem at its own
 * line. `at` is the list's path below `environments.<env>` of the system file.
 */
export function cidrs(system: System, env: string, at: PathSegment[], addresses: string[], problems: Problem[]): string[] {
  const out: string[] = [];
  addresses.forEach((address, i) => {
    const parsed = parseCidr(address);
    if ('cidr' in parsed) out.push(parsed.cidr.text);
    else {
      const path = ['environments', env, ...at, i];
      problems.push({
        message: `system ${system.hsaId}: ${formatPath(path)} "${address}" ${parsed.problem}`,
        location: system.locator.locate(path),
        entity: system.hsaId,
      });
    }
  });
  return out;
}
