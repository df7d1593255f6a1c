import type { Rule } from '../src/check/types';
import { overlappingDuplicates } from '../src/check/periods';
import { where } from '../src/check/where';
import { routingEntry } from '../src/resolve/expand';

/**
 * At most one routing entry per (contract, logical address) at any time, across all files: the
 * platform refuses overlapping ones, and the VP answers VP006 if it ever sees two.
 */
const routingUnique: Rule = (state) =>
  overlappingDuplicates(state.routingGroups, (_, contract) => contract.key).map(([first, repeat]) => {
    const second = routingEntry(repeat.group, repeat.contract, repeat.address);
    return {
      message: `routing for ${second.contract} at ${second.logicalAddress} is declared twice with overlapping validity (also at ${where(first.address.location)}); the platform would answer VP006`,
      location: second.location,
      entity: second.key,
    };
  });

export default routingUnique;
