import type { X509Certificate } from 'node:crypto';
import type { Rule, RuleFinding } from '../src/check/types';
import { allCaCertificates, certificateUses, isTestCa, trustedCaCertificates, type CertificateUse } from '../src/check/certificates';
import { commonName, issuedBy } from '../src/certs/read';
import type { EnvironmentState } from '../src/model/state';

/** Intermediate CAs a chain may pass through before it reaches a trusted one. */
const MAX_DEPTH = 5;

/**
 * A system's certificate chains to a CA trusted in the environment: each link's signature is
 * verified with the issuer's key, not only the names compared. Intermediates may come from the same
 * PEM file. A test CA must never be trusted in production.
 */
const certificateChain: Rule = (state) => {
  const anchors = trustedCaCertificates(state);
  const out: RuleFinding[] = [...testCasInProduction(state, anchors)];
  for (const use of certificateUses(state)) {
    const leaf = use.file?.certificates[0];
    if (!leaf || !('system' in use.owner)) continue;
    const intermediates = use.file!.certificates.slice(1);
    if (chainTo(leaf, intermediates, anchors)) continue;
    out.push({ message: `${use.label} ${untrustedReason(state, leaf, intermediates, anchors)}`, location: use.location, entity: use.entity });
  }
  return out;
};

function testCasInProduction(state: EnvironmentState, anchors: CertificateUse[]): RuleFinding[] {
  if (state.environment?.stage !== 'prod') return [];
  return anchors
    .filter((use) => 'ca' in use.owner && isTestCa(use.owner.ca))
    .map((use) => ({
      message: `${use.label} is a test CA but is trusted in ${state.name}, a production environment; remove ${state.name} from its environments`,
      location: use.location,
      entity: use.entity,
    }));
}

/** The trusted CA the certificate chains to, if any. */
function chainTo(leaf: X509Certificate, intermediates: X509Certificate[], anchors: CertificateUse[]): CertificateUse | undefined {
  let current = leaf;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const anchor = anchors.find((a) => a.file?.certificates.some((ca) => issuedBy(current, ca)));
    if (anchor) return anchor;
    const next = intermediates.find((c) => c !== current && issuedBy(current, c));
    if (!next) return undefined;
    current = next;
  }
  return undefined;
}

/** Where a certificate that passes comes from. */
const howToGet = (state: EnvironmentState, trusted: string) =>
  `order a function certificate with the system's HSA-id as serialNumber from ${trusted === 'none' ? `a CA listed for ${state.name} in config/trusted-cas.yaml` : trusted} (for SITHS, through your organisation's SITHS administrator) and add its public PEM to the system`;

function untrustedReason(state: EnvironmentState, leaf: X509Certificate, intermediates: X509Certificate[], anchors: CertificateUse[]): string {
  const trusted = anchors.map((a) => ('ca' in a.owner ? a.owner.ca.decl.name : a.path)).join(', ') || 'none';
  const other = chainTo(leaf, intermediates, allCaCertificates(state).filter((ca) => !anchors.some((a) => a.path === ca.path)));
  if (other) {
    return `is issued by ${other.label}, which ${state.name} does not trust (trusted there: ${trusted}); ${howToGet(state, trusted)}`;
  }
  return `(issued by ${leaf.issuer.replace(/\n/g, ', ')}) does not chain to a CA trusted in ${state.name} (${trusted}); the signature of no trusted CA verifies it. Subject: ${commonName(leaf)}; ${howToGet(state, trusted)}`;
}

export default certificateChain;
