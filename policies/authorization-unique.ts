import type { Rule } from '../src/check/types';
import { overlappingDuplicates } from '../src/check/periods';
import { where } from '../src/check/where';
import { authorizationEntry, consumerKey } from '../src/resolve/expand';

/** No duplicate authorization for (consumer, contract, logical address) with overlapping validity. */
const authorizationUnique: Rule = (state) =>
  overlappingDuplicates(state.authorizationGroups, (group, contract) => [consumerKey(group), contract.key].join('|')).map(([first, repeat]) => {
    const second = authorizationEntry(repeat.group, repeat.contract, repeat.address);
    return {
      message: `authorization of ${second.consumer} for ${second.contract} at ${second.logicalAddress} is declared twice with overlapping validity (also at ${where(first.address.location)})`,
      location: second.location,
      entity: second.key,
    };
  });

export default authorizationUnique;
