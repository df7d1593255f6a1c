import type { Rule } from '../src/check/types';
import { certificateUses } from '../src/check/certificates';

/**
 * Every certificate file named by a system or the trusted-CA list is inside the repository, exists
 * and holds a certificate. Files outside are never read, whatever the path says.
 */
const certificateReadable: Rule = (state) =>
  certificateUses(state).flatMap((use) => {
    if (use.outside) {
      return [{ message: `${use.label}: the path leads outside the repository, where tak reads nothing; copy the public PEM into config/ and name it relative to the declaring file`, location: use.location, entity: use.entity }];
    }
    if (!use.file) {
      return [{ message: `${use.label}: the file ${use.path} does not exist; add the public PEM there or fix the path`, location: use.location, entity: use.entity }];
    }
    if (use.file.problem) return [{ message: `${use.label}: ${use.path} ${use.file.problem}`, location: use.location, entity: use.entity }];
    return [];
  });

export default certificateReadable;
