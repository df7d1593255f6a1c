import type { ServiceContract } from '../model/state';
import type { ContractDecl } from '../model/schemas';

/** `urn:riv:<domain>:<Name>Responder:<major>`, unless the declaration gives a legacy namespace. */
export function contractNamespace(domain: string, contract: ContractDecl): string {
  if (contract.namespace) return contract.namespace;
  const prefix = domain.startsWith('urn:') ? domain : `urn:riv:${domain}`;
  return `${prefix}:${contract.name}Responder:${contract.major}`;
}

/** `GetForms:2` (with or without `Responder`): the short form a requester may write. */
const SHORT = /^([A-Za-z0-9_]+?)(?:Responder)?:(\d+)$/;

export function shortName(name: string, major: number): string {
  return `${name.replace(/Responder$/, '')}:${major}`.toLowerCase();
}

/** Resolves a contract as written (short form or full namespace) against the catalog. */
export function resolveContractRef(
  ref: string,
  index: Map<string, ServiceContract>,
  byShortName: Map<string, ServiceContract[]>,
): { namespace?: string; problem?: string } {
  const exact = index.get(ref.toLowerCase());
  if (exact) return { namespace: exact.namespace };
  const short = SHORT.exec(ref);
  if (short) {
    const found = byShortName.get(`${short[1]}:${short[2]}`.toLowerCase()) ?? [];
    if (found.length === 1) return { namespace: found[0].namespace };
    if (found.length > 1) {
      return { problem: `is ambiguous (${found.map((c) => c.namespace).join(', ')}); write the full namespace` };
    }
  }
  return { problem: 'is not a service contract declared under config/service-domains/' };
}
