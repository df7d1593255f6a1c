import type { Rule, RuleFinding } from '../src/check/types';
import { certificateUses } from '../src/check/certificates';
import { subjectSerialNumber } from '../src/certs/read';

/**
 * The platform reads the caller's identity from the subject serialNumber (OID 2.5.4.5) of its
 * function certificate, so it must be the system's HSA-id (compared case-insensitively, as the
 * platform matches HSA-ids).
 */
const certificateSerialNumber: Rule = (state) => {
  const out: RuleFinding[] = [];
  for (const use of certificateUses(state)) {
    const leaf = use.file?.certificates[0];
    if (!leaf || !('system' in use.owner)) continue;
    const serial = subjectSerialNumber(leaf);
    const hsaId = use.owner.system.hsaId;
    if (serial?.toLowerCase() === hsaId.toLowerCase()) continue;
    const found = serial === undefined ? 'has no subject serialNumber' : `has subject serialNumber ${serial}`;
    out.push({ message: `${use.label} ${found}; it must be the system's HSA-id ${hsaId}, or the platform will not recognise the caller`, location: use.location, entity: use.entity });
  }
  return out;
};

export default certificateSerialNumber;
