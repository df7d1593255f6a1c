import type { Rule } from '../src/check/types';
import { declaredAddresses, systemName } from '../src/check/addresses';
import { parseCidr } from '../src/net/cidr';

/** Source and endpoint addresses are CIDR blocks the firewall and the ingress allowlist accept. */
const cidrSyntax: Rule = (state) =>
  declaredAddresses(state).flatMap((a) => {
    const parsed = parseCidr(a.text);
    if ('cidr' in parsed) return [];
    return [{ message: `${a.role} "${a.text}" of ${systemName(a.system)} in ${state.name} ${parsed.problem}`, location: a.location, entity: a.system.hsaId }];
  });

export default cidrSyntax;
