import type { Rule, RuleFinding } from '../src/check/types';
import { where } from '../src/check/where';
import type { System } from '../src/model/state';
import { NAME } from '../stacks/conventions';
import { kubeName } from '../stacks/names';

/**
 * Two systems whose HSA-ids differ only in characters a Kubernetes name cannot hold
 * (`SE5565594230_UND` and `SE5565594230-UND`) get one NetworkPolicy name, which `tak synth` refuses:
 * reported here, with the name synth would use, so that a green pull request does not fail on merge.
 * HSA-ids that differ only in case are the same system (system-near-duplicate says so).
 */
const systemKubernetesName: Rule = (state) => {
  const out: RuleFinding[] = [];
  const byName = new Map<string, System>();
  for (const system of state.catalog.systems) {
    const name = kubeName(system.hsaId, NAME.producerPolicyPrefix);
    const other = byName.get(name);
    if (!other) byName.set(name, system);
    else if (other.key !== system.key) {
      out.push({
        message: `system ${system.hsaId} gets the Kubernetes name ${name}, as ${other.hsaId} at ${where(other.location)} does (the HSA-ids differ only in characters such as _ and -, which a Kubernetes name cannot hold); synth refuses both: correct one HSA-id`,
        location: system.location,
        entity: system.hsaId,
      });
    }
  }
  return out;
};

export default systemKubernetesName;
