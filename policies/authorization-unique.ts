import type { Rule } from '../src/check/types';
import { overlappingDuplicates } from '../src/check/periods';
import { where } from '../src/check/where';

/** No duplicate authorization for (consumer, contract, logical address) with overlapping validity. */
const authorizationUnique: Rule = (state) =>
  overlappingDuplicates(state.authorizations).map(([first, second]) => ({
    message: `authorization of ${second.consumer} for ${second.contract} at ${second.logicalAddress} is declared twice with overlapping validity (also at ${where(first.location)})`,
    location: second.location,
    entity: second.key,
  }));

export default authorizationUnique;
