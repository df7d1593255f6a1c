import type { Rule, RuleFinding } from '../src/check/types';
import { systemName } from '../src/check/addresses';
import { where } from '../src/check/where';
import type { System } from '../src/model/state';

/** A name with case, spacing and punctuation taken out: "Region X – Journal" and "region x journal" meet. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Systems that are probably the same one registered twice: names that differ only in case,
 * spacing or punctuation, or HSA-ids that differ only in case.
 */
const systemNearDuplicate: Rule = (state) => {
  const out: RuleFinding[] = [];
  const byName = new Map<string, System>();
  const byId = new Map<string, System>();
  for (const system of state.catalog.systems) {
    const sameId = byId.get(system.key);
    if (sameId && sameId.hsaId !== system.hsaId) {
      out.push({ message: `system HSA-id ${system.hsaId} differs only in case from ${sameId.hsaId} at ${where(sameId.location)}; it is the same system to the platform`, location: system.location, entity: system.hsaId });
    }
    const sameName = byName.get(nameKey(system.decl.name));
    if (sameName && sameName.key !== system.key) {
      out.push({ message: `system name "${system.decl.name}" of ${system.hsaId} differs only in case, spacing or punctuation from ${systemName(sameName)} at ${where(sameName.location)}; register a system once`, location: system.location, entity: system.hsaId });
    }
    if (!byId.has(system.key)) byId.set(system.key, system);
    if (!sameName) byName.set(nameKey(system.decl.name), system);
  }
  return out;
};

export default systemNearDuplicate;
