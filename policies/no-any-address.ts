import type { Rule } from '../src/check/types';
import { declaredAddresses, systemName } from '../src/check/addresses';
import { isAnyAddress, parseCidr } from '../src/net/cidr';

/**
 * No `0.0.0.0/0` or `::/0`: opening the platform to, or letting it reach, every address defeats
 * the firewall. Production stages refuse it; elsewhere it is a warning.
 */
const noAnyAddress: Rule = (state) =>
  declaredAddresses(state).flatMap((a) => {
    const parsed = parseCidr(a.text);
    if (!('cidr' in parsed) || !isAnyAddress(parsed.cidr)) return [];
    return [{
      message: `${a.role} ${a.text} of ${systemName(a.system)} in ${state.name} allows every address; declare the system's own networks`,
      location: a.location,
      entity: a.system.hsaId,
    }];
  });

export default noAnyAddress;
