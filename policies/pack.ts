/**
 * The rule pack: which rules run, at which level per stage, with the one-line explanation that
 * `tak rules`, the reports and policies/RULES.md show. A rule's id is its file name.
 */
import type { Level, RuleSpec } from '../src/check/types';
import authorizationUnique from './authorization-unique';
import contractInstalled from './contract-installed';
import entityUnique from './entity-unique';
import hsaIdSyntax from './hsa-id-syntax';
import namespaceSyntax from './namespace-syntax';
import referenceExists from './reference-exists';
import routingUnique from './routing-unique';
import schema from './schema';
import urlSyntax from './url-syntax';
import certificateReadable from './certificate-readable';
import certificateSerialNumber from './certificate-serial-number';
import certificateChain from './certificate-chain';
import certificateExpired from './certificate-expired';
import certificateExpiring from './certificate-expiring';
import certificateKeyStrength from './certificate-key-strength';
import noPrivateKey from './no-private-key';
import systemKubernetesName from './system-kubernetes-name';
import consumerSourceAddresses from './consumer-source-addresses';
import producerEndpointDeclared from './producer-endpoint-declared';
import cidrSyntax from './cidr-syntax';
import noAnyAddress from './no-any-address';
import prestudyApproved from './prestudy-approved';
import endToEndEvidence from './end-to-end-evidence';
import promotion from './promotion';
import deactivatedSystem from './deactivated-system';
import systemNearDuplicate from './system-near-duplicate';
import authorizationReachable from './authorization-reachable';
import routingCallable from './routing-callable';
import wildcardApproval from './wildcard-approval';
import suppressionExpired from './suppression-expired';
import suppressionUnused from './suppression-unused';
import deactivatedNothingNew from './deactivated-nothing-new';
import prestudyNewConnection from './prestudy-new-connection';
import removedRoutingAuthorized from './removed-routing-authorized';
import removedStillReferenced from './removed-still-referenced';
import suppressionAllowed from './suppression-allowed';
import httpsOnly from './https-only';
import consumerCertificate from './consumer-certificate';
import selfDeclarationEvidence from './self-declaration-evidence';
import approvalDate from './approval-date';
import prestudyDistinct from './prestudy-distinct';
import governanceApproved from './governance-approved';

const everywhere = (level: Level) => ({ test: level, qa: level, prod: level });
/** Certificate, trust, gate and syntax rules: a suppression is accepted before prod, never in it. */
const beforeProd = ['test', 'qa'] as const;
/** Rules no suppression switches off anywhere. */
const never = [] as const;
/** Refused in production, pointed out before it gets there. */
const errorInProd = { test: 'warning', qa: 'warning', prod: 'error' } as const;

export const pack: readonly RuleSpec[] = [
  { id: 'schema', rule: schema, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Declaration files can be read, parse as YAML or TypeScript and match their schema.' },
  { id: 'reference-exists', rule: referenceExists, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Every system, service contract, logical address, RIV-TA profile and environment named is declared.' },
  { id: 'contract-installed', rule: contractInstalled, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A contract is routed or authorized only where it is installed.' },
  { id: 'hsa-id-syntax', rule: hsaIdSyntax, levels: everywhere('error'), suppressible: beforeProd, explanation: 'HSA-ids of systems and logical addresses use only the characters the platform accepts.' },
  { id: 'namespace-syntax', rule: namespaceSyntax, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Service contract namespaces use only the characters the platform accepts.' },
  { id: 'url-syntax', rule: urlSyntax, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Producer endpoint URLs are http(s) URLs the platform accepts (characters, 5 to 255 long).' },
  { id: 'routing-unique', rule: routingUnique, levels: everywhere('error'), explanation: 'At most one routing entry per (contract, logical address) at any time, across all files (else VP006).' },
  { id: 'authorization-unique', rule: authorizationUnique, levels: everywhere('error'), explanation: 'No two authorizations for the same (consumer, contract, logical address) overlap in time.' },
  { id: 'entity-unique', rule: entityUnique, levels: everywhere('error'), explanation: 'A system, contract, logical address, service domain or trusted CA is declared once; no two environments order for one platform.' },
  { id: 'system-kubernetes-name', rule: systemKubernetesName, levels: everywhere('error'), explanation: 'No two systems get one Kubernetes name (HSA-ids that differ only in _ and -), which synth would refuse.' },
  { id: 'https-only', rule: httpsOnly, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Producer URLs use https where policy.requireHttps (default: in prod) says so.' },
  // Certificates
  { id: 'certificate-readable', rule: certificateReadable, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Every certificate file a system or the trusted-CA list names exists and holds an X.509 certificate.' },
  { id: 'certificate-serial-number', rule: certificateSerialNumber, levels: everywhere('error'), suppressible: beforeProd, explanation: "A system's certificate has the system's HSA-id as subject serialNumber (OID 2.5.4.5)." },
  { id: 'certificate-chain', rule: certificateChain, levels: everywhere('error'), suppressible: beforeProd, explanation: "A system's certificate chains (signatures verified) to a CA trusted in the environment; no test CA is trusted in prod." },
  { id: 'certificate-expired', rule: certificateExpired, levels: everywhere('error'), suppressible: beforeProd, explanation: 'No certificate (system or trusted CA) is expired or not yet valid.' },
  { id: 'certificate-expiring', rule: certificateExpiring, levels: everywhere('warning'), explanation: 'A certificate expiring within policy.certificateExpiryWarningDays (default 30) is named with its date.' },
  { id: 'certificate-key-strength', rule: certificateKeyStrength, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Certificate keys are RSA of at least 2048 bits or EC of at least 256 bits.' },
  { id: 'no-private-key', rule: noPrivateKey, levels: everywhere('error'), suppressible: never, explanation: 'No private key material (PEM key blocks, PKCS#12, key stores; also base64, gzip or quoted in a value) anywhere in the repository, whatever the file name.' },
  { id: 'consumer-certificate', rule: consumerCertificate, levels: { test: 'warning', qa: 'error', prod: 'error' }, suppressible: beforeProd, explanation: 'A consumer authorized in an environment declares its certificate there (a warning in test, where certificates may come later).' },
  // Network
  { id: 'consumer-source-addresses', rule: consumerSourceAddresses, levels: everywhere('error'), explanation: 'A consumer authorized in an environment declares its source addresses (CIDRs) for it.' },
  { id: 'producer-endpoint-declared', rule: producerEndpointDeclared, levels: everywhere('error'), explanation: "Every endpoint host:port a routing URL uses is declared with its addresses under the producer's endpoints." },
  { id: 'cidr-syntax', rule: cidrSyntax, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Source and endpoint addresses are CIDR blocks (address/prefix, no host bits set).' },
  { id: 'no-any-address', rule: noAnyAddress, levels: errorInProd, suppressible: beforeProd, explanation: 'No 0.0.0.0/0 or ::/0 as a source or endpoint address (an error in prod).' },
  // Process gates
  { id: 'approval-date', rule: approvalDate, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Approvals on record (pre-study, test evidence, wildcard) are not dated in the future.' },
  { id: 'self-declaration-evidence', rule: selfDeclarationEvidence, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A connection in a qa environment names its approved self-declaration (testEvidence.selfDeclaration).' },
  { id: 'prestudy-distinct', rule: prestudyDistinct, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A prod pre-study differs from the one its promotion source uses, or says it covers both (covers: [qa, prod]).' },
  { id: 'prestudy-approved', rule: prestudyApproved, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A connection in a qa or prod environment names its approved pre-study (ref and approval date).' },
  { id: 'end-to-end-evidence', rule: endToEndEvidence, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A connection in a prod environment names its approved End-2-End test.' },
  { id: 'promotion', rule: promotion, levels: errorInProd, suppressible: beforeProd, explanation: 'Every (producer, contract) routing and (consumer, contract) authorization exists in the environment this one promotes from.' },
  { id: 'deactivated-system', rule: deactivatedSystem, levels: everywhere('error'), suppressible: beforeProd, explanation: 'A deactivated system gets no routing or authorization unless the group is marked preExisting.' },
  { id: 'system-near-duplicate', rule: systemNearDuplicate, levels: everywhere('error'), explanation: 'No two systems whose names differ only in case, spacing or punctuation, or whose HSA-ids differ only in case.' },
  // Process gates that compare with the base revision (tak plan; without a base they find nothing)
  { id: 'deactivated-nothing-new', rule: deactivatedNothingNew, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Compared with the base: a deactivated system gets no routing or authorization it did not have.' },
  { id: 'prestudy-new-connection', rule: prestudyNewConnection, levels: everywhere('error'), suppressible: beforeProd, explanation: 'Compared with the base: a new system or contract major version in qa/prod has its own pre-study, approved by now.' },
  { id: 'removed-routing-authorized', rule: removedRoutingAuthorized, levels: everywhere('warning'), explanation: 'Compared with the base: removed routing is not still used by authorizations (named in the warning).' },
  { id: 'removed-still-referenced', rule: removedStillReferenced, levels: everywhere('error'), explanation: 'Compared with the base: a removed system or contract is no longer named by routing or authorizations.' },
  { id: 'governance-approved', rule: governanceApproved, levels: everywhere('error'), suppressible: never, explanation: 'Compared with the base: a change to what is trusted or enforced, in a stage config/platform.yaml names (default prod), has a platform owner\'s approval on record (--approved-by).' },
  // Consistency (the platform's own reports)
  { id: 'authorization-reachable', rule: authorizationReachable, levels: everywhere('warning'), explanation: 'An authorization reaches routing: on its address, HSA parents up to SE, *, or units below it.' },
  { id: 'routing-callable', rule: routingCallable, levels: everywhere('warning'), explanation: 'A routing entry is callable: some consumer is authorized on its address, HSA parents up to SE, *, or units below it.' },
  { id: 'wildcard-approval', rule: wildcardApproval, levels: errorInProd, suppressible: beforeProd, explanation: 'Routing or authorization on * or SE has an explicit wildcardApproval (an error in prod).' },
  // Suppressions
  { id: 'suppression-expired', rule: suppressionExpired, levels: everywhere('error'), explanation: 'A suppression past its expires date is an error and no longer suppresses.' },
  { id: 'suppression-allowed', audit: suppressionAllowed, levels: everywhere('error'), explanation: 'A suppression is only for a rule the pack lets be suppressed in the stage (no certificate, trust, gate or syntax rule in prod), with a ticket and an expiry in qa and prod.' },
  { id: 'suppression-unused', audit: suppressionUnused, levels: everywhere('warning'), explanation: 'A suppression that matches no finding is stale.' },
];
