import type { Rule } from '../src/check/types';
import { NAMESPACE } from '../src/model/syntax';

/** Contract namespaces as the platform accepts them: letters, digits, `_ . : -`, at most 255. */
const namespaceSyntax: Rule = (state) =>
  state.catalog.contracts
    .filter((c) => !NAMESPACE.test(c.namespace))
    .map((c) => ({
      message: `service contract namespace "${c.namespace}" has characters the platform refuses (allowed: letters, digits, _ . : -)`,
      location: c.location,
      entity: c.namespace,
    }));

export default namespaceSyntax;
