import type { Rule } from '../src/check/types';
import { eachCertificate } from '../src/check/certificates';
import { keyWeakness } from '../src/certs/key-strength';

/** RSA keys of at least 2048 bits, EC keys of at least 256, for systems' certificates and trusted CAs. */
const certificateKeyStrength: Rule = (state) =>
  eachCertificate(state).flatMap(({ use, cert, label }) => {
    const weakness = keyWeakness(cert);
    return weakness ? [{ message: `${label} ${weakness}`, location: use.location, entity: use.entity }] : [];
  });

export default certificateKeyStrength;
