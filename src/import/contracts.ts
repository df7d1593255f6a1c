import type { ContractDecl } from '../model/schemas';
import type { ContractRow } from '../formats/tak/tables';
import { contractNamespace } from '../resolve/contracts';

const RIV = /^urn:riv:(.+):([A-Za-z0-9_]+?)Responder:(\d+)$/;

/**
 * Where a catalog contract goes among the declarations: its service domain (the namespace up to
 * the interaction) and its declaration. A namespace that does not follow today's
 * `urn:riv:<domain>:<Name>Responder:<major>` exactly is kept verbatim in `namespace:`.
 */
export function contractDeclaration(row: ContractRow): { domain: string; decl: ContractDecl } {
  const described = row.description ? { description: row.description } : {};
  const m = RIV.exec(row.namespace);
  if (m) {
    const decl: ContractDecl = { name: m[2], major: Number(m[3]), minor: row.minor, ...described };
    if (decl.major === row.major && contractNamespace(m[1], decl) === row.namespace) return { domain: m[1], decl };
    return { domain: m[1], decl: { ...decl, major: row.major, namespace: row.namespace } };
  }
  const bare = row.namespace.replace(/:\d+$/, '');
  const cut = bare.lastIndexOf(':');
  const domain = cut > 0 ? bare.slice(0, cut) : 'legacy';
  const name = bare.slice(cut + 1).replace(/Responder$/, '') || row.namespace;
  return { domain, decl: { name, major: row.major, minor: row.minor, ...described, namespace: row.namespace } };
}
