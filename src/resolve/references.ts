/**
 * The identifiers a user types on the command line (`--consumer`, `--contract`, …), looked up in the
 * catalog. An unknown one is refused with the nearest declared ones, by edit distance, so that a typo
 * in a 16-character HSA-id is one glance to fix.
 */
import { nearest as nearestDeclared } from '../check/suggest';
import type { Catalog, ServiceContract, System } from '../model/state';
import { resolveContractRef, shortName } from './contracts';

/** A flag names something the catalog does not declare; the message says which and what is near. */
export class UnknownReference extends Error {}

/** The `count` declared names nearest to `value` (case-insensitive), nearest first, however far. */
export const nearest = (value: string, candidates: Iterable<string>, count = 3): string[] => nearestDeclared(value, candidates, count, true);

function refuse(flag: string, value: string, what: string, near: string[]): never {
  const hint = near.length ? `did you mean ${near.join(', ')}?` : `declare it first`;
  throw new UnknownReference(`${flag} ${value} is not ${what}; ${hint}`);
}

/** The declared system with this HSA-id (case-insensitive). */
export function requireSystem(catalog: Catalog, hsaId: string, flag: string): System {
  const system = catalog.systemIndex.get(hsaId.toLowerCase());
  if (system) return system;
  const near = nearest(hsaId, catalog.systems.map((s) => s.hsaId));
  return refuse(flag, hsaId, 'a system declared under config/systems/', near.map((h) => `${h} (${catalog.systemIndex.get(h.toLowerCase())?.decl.name})`));
}

/** The short name a contract is written by in declarations (`GetForms:2`). */
export function contractLabel(contract: ServiceContract): string {
  return `${contract.name.replace(/Responder$/, '')}:${contract.major}`;
}

/** The declared contract a short name (`GetForms:2`) or namespace names. */
export function requireContract(catalog: Catalog, ref: string, flag: string): ServiceContract {
  const resolved = resolveContractRef(ref, catalog.contractIndex, catalog.contractsByShortName);
  if (resolved.namespace) return catalog.contractIndex.get(resolved.namespace.toLowerCase())!;
  if (resolved.problem?.startsWith('is ambiguous')) throw new UnknownReference(`${flag} ${ref} ${resolved.problem}`);
  const byShort = new Map(catalog.contracts.map((c) => [shortName(c.name, c.major), contractLabel(c)]));
  const near = ref.includes(':riv:') ? nearest(ref, catalog.contracts.map((c) => c.namespace)) : nearest(ref, byShort.keys()).map((k) => byShort.get(k)!);
  return refuse(flag, ref, 'a service contract declared under config/service-domains/', near);
}
