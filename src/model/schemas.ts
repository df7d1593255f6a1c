/**
 * The declaration schemas: what a requester may write in `config/` and `environments/`.
 * Every object is strict, so a misspelt key is an error at its own line rather than silently ignored.
 * Identifier syntax (HSA-id, namespace, URL) is deliberately not enforced here: imported legacy data
 * must load, and the integrity rules report what the platform would refuse.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
/** A calendar date as the catalog stores it (day granularity). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real calendar date');
const identifier = text.max(255, 'must be at most 255 characters');
const environmentName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a lower-case environment name such as test, qa or prod');

/**
 * One reviewer as CODEOWNERS names it: `@user`, `@org/team` or an e-mail address, one token and
 * nothing else, so that an owner can never add lines or other owners to the generated file.
 */
export const ownerSchema = z
  .string()
  .regex(
    /^(?:@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$/,
    'must be one @user, @org/team or e-mail address (no spaces, line breaks or other text)',
  );
const owners = z.array(ownerSchema).default([]);

/** An approval on record: a document reference and the day it was approved. */
export const approvalSchema = z.strictObject({
  ref: text,
  approved: isoDate,
  by: text.optional(),
  /** The environments one approval covers, when it explicitly covers more than one (e.g. [qa, prod]). */
  covers: z.array(environmentName).optional(),
});

/** A finding that the reviewers accepted; the reason is mandatory so the decision is on record. */
export const suppressionSchema = z.strictObject({
  rule: text,
  entity: text.optional(),
  reason: text,
  ticket: text.optional(),
  expires: isoDate.optional(),
});
const suppressions = z.array(suppressionSchema).optional();

export const contactSchema = z.strictObject({
  role: text,
  name: text,
  email: z.email().optional(),
  phone: text.optional(),
});

/** A producer's endpoint host as the firewall must know it. */
export const endpointSchema = z.strictObject({
  host: text,
  port: z.number().int().min(1).max(65535).default(443),
  addresses: z.array(text).min(1, 'must list at least one address (CIDR)'),
});

/** What a system has in one environment: its certificates and its network presence. */
export const systemEnvironmentSchema = z.strictObject({
  certificates: z.array(text).default([]),
  endpoints: z.array(endpointSchema).default([]),
  sourceAddresses: z.array(text).default([]),
});

/** A system (tjänstekomponent), identified by the HSA-id of its function certificate. */
export const systemSchema = z.strictObject({
  hsaId: identifier,
  name: text,
  description: text.optional(),
  organisation: text,
  owners,
  contacts: z.array(contactSchema).default([]),
  deactivated: z.strictObject({ date: isoDate, reason: text.optional() }).optional(),
  environments: z.record(environmentName, systemEnvironmentSchema).default({}),
  suppressions,
});

/** A service contract (tjänstekontrakt) within its domain. */
export const contractSchema = z.strictObject({
  name: text,
  major: z.number().int().min(0),
  minor: z.number().int().min(0).default(0),
  description: text.optional(),
  /** A full namespace for legacy contracts that do not follow `urn:riv:<domain>:<name>Responder:<major>`. */
  namespace: identifier.optional(),
});

/** A service domain (tjänstedomän) and its contracts. */
export const serviceDomainSchema = z.strictObject({
  domain: identifier,
  name: text.optional(),
  description: text.optional(),
  owners,
  contracts: z.array(contractSchema).default([]),
  suppressions,
});

/** A logical address (logisk adress): usually the HSA-id of a care unit or a system. */
export const logicalAddressSchema = z.strictObject({
  hsaId: identifier,
  description: text.max(255, 'must be at most 255 characters'),
  parent: identifier.optional(),
});

export const logicalAddressCatalogSchema = z.strictObject({
  logicalAddresses: z.array(logicalAddressSchema),
  suppressions,
});

export const trustedCaSchema = z.strictObject({
  name: text,
  file: text,
  environments: z.array(environmentName).min(1),
  /** A test CA (for example TEST SITHS e-id Function CA v1) must never be trusted in production. */
  test: z.boolean().default(false),
});

export const trustedCasSchema = z.strictObject({ cas: z.array(trustedCaSchema), suppressions });

export const stageSchema = z.enum(['test', 'qa', 'prod']);

/** The kinds of change to what is trusted or enforced (governance changes), as `tak plan` reports them. */
export const GOVERNANCE_KINDS = ['trusted-ca', 'stage', 'promotion-source', 'policy', 'pack', 'suppression', 'installed-contract', 'network'] as const;
export const governanceKindSchema = z.enum(GOVERNANCE_KINDS);

/**
 * `config/platform.yaml`: the platform team, owner of every platform-level file (trusted CAs,
 * environment files, policies, the logical-address catalog, service domains, CODEOWNERS, workflows,
 * scripts), and which governance changes need its recorded approval (default: all of them in prod).
 */
export const platformSchema = z.strictObject({
  owners: z.array(ownerSchema).min(1, 'must name at least one owner (the platform team)'),
  approval: z
    .strictObject({
      stages: z.array(stageSchema).default(['prod']),
      changes: z.array(governanceKindSchema).default([...GOVERNANCE_KINDS]),
    })
    .default({ stages: ['prod'], changes: [...GOVERNANCE_KINDS] }),
  suppressions,
});

export const kubernetesTargetSchema = z.strictObject({
  context: text.optional(),
  namespace: text,
  host: text,
  backend: z
    .discriminatedUnion('type', [
      z.strictObject({ type: z.literal('local'), path: text }),
      z.strictObject({ type: z.literal('kubernetes'), secretSuffix: text, namespace: text.optional() }),
    ])
    .optional(),
});

/** How strictly the policy rules treat one environment (every setting has a default). */
export const environmentPolicySchema = z.strictObject({
  /** Warn this many days before a certificate expires (default 30). */
  certificateExpiryWarningDays: z.number().int().min(0).max(3650).optional(),
  /** Whether everything here must already exist in `promotesFrom` (default true: prod follows qa). */
  requirePromotion: z.boolean().optional(),
  /** Whether producer URLs must be https (default: true in prod, false elsewhere). */
  requireHttps: z.boolean().optional(),
});

/** `environments/<env>/environment.yaml`: what one platform environment is and what it has installed. */
export const environmentSchema = z.strictObject({
  name: environmentName,
  platform: text,
  stage: stageSchema,
  description: text.optional(),
  promotesFrom: environmentName.optional(),
  kubernetes: kubernetesTargetSchema.optional(),
  installedContracts: z.array(text).default([]),
  orderEndpoint: z.url().optional(),
  /**
   * Where `tak apply` publishes this environment's orders for the catalog to fetch by number:
   * a branch of this repository (default `tak/orders`) or a folder (a storage path).
   */
  orderFeed: z.union([z.strictObject({ branch: text }), z.strictObject({ path: text })]).optional(),
  policy: environmentPolicySchema.optional(),
  suppressions,
});

/** A group's logical addresses: one at least (a group emptied of them is to be removed). */
const groupAddresses = z.array(identifier).min(1, 'lists no logical address; remove the group (routing or authorization) if none is left');

const validity = {
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** Explicit approval for a wildcard (`*`) or root (`SE`) logical address. */
  wildcardApproval: approvalSchema.optional(),
  /** The entry existed before the system was deactivated, so keeping it is allowed. */
  preExisting: z.boolean().optional(),
};

/** Routing (vägval): one producer, its endpoint per contract, for many logical addresses. */
export const routingGroupSchema = z.strictObject({
  producer: identifier,
  profile: identifier,
  contracts: z
    .record(text, text)
    .refine((m) => Object.keys(m).length > 0, 'must map at least one contract to its endpoint URL'),
  logicalAddresses: groupAddresses,
  ...validity,
});

/** The catalog's optional authorization filter, used by aggregating services. */
export const filterSchema = z.strictObject({
  serviceDomain: text.regex(/^\S+$/, 'must not contain white space'),
  categorizations: z.array(text).default([]),
});

/**
 * Consumer authorization (anropsbehörighet): one consumer (`consumer`) or several (`consumers`), many
 * contracts, many logical addresses; every combination is one authorization.
 */
export const authorizationGroupSchema = z
  .strictObject({
    consumer: identifier.optional(),
    consumers: z.array(identifier).min(1).optional(),
    contracts: z.array(text).min(1),
    logicalAddresses: groupAddresses,
    integrationAgreement: text.optional(),
    filters: z.array(filterSchema).optional(),
    ...validity,
  })
  .refine((g) => (g.consumer === undefined) !== (g.consumers === undefined), {
    message: 'needs either consumer (one HSA-id) or consumers (a list), not both',
    path: ['consumer'],
  });

export const testEvidenceSchema = z.strictObject({
  selfDeclaration: approvalSchema.optional(),
  endToEnd: approvalSchema.optional(),
});

/** A connection file under `environments/<env>/`: routing and authorizations that belong together. */
export const connectionSchema = z.strictObject({
  description: text.optional(),
  prestudy: approvalSchema.optional(),
  testEvidence: testEvidenceSchema.optional(),
  routing: z.array(routingGroupSchema).default([]),
  authorizations: z.array(authorizationGroupSchema).default([]),
  suppressions,
});

export type SystemDecl = z.output<typeof systemSchema>;
export type SystemInput = z.input<typeof systemSchema>;
export type SystemEnvironment = z.output<typeof systemEnvironmentSchema>;
export type Endpoint = z.output<typeof endpointSchema>;
export type ServiceDomainDecl = z.output<typeof serviceDomainSchema>;
export type ServiceDomainInput = z.input<typeof serviceDomainSchema>;
export type ContractDecl = z.output<typeof contractSchema>;
export type LogicalAddressDecl = z.output<typeof logicalAddressSchema>;
export type LogicalAddressCatalogInput = z.input<typeof logicalAddressCatalogSchema>;
export type TrustedCaDecl = z.output<typeof trustedCaSchema>;
export type TrustedCasInput = z.input<typeof trustedCasSchema>;
export type EnvironmentDecl = z.output<typeof environmentSchema>;
export type EnvironmentPolicy = z.output<typeof environmentPolicySchema>;
export type EnvironmentInput = z.input<typeof environmentSchema>;
export type Stage = z.output<typeof stageSchema>;
export type PlatformDecl = z.output<typeof platformSchema>;
export type GovernanceKind = z.output<typeof governanceKindSchema>;
export type RoutingGroupDecl = z.output<typeof routingGroupSchema>;
export type AuthorizationGroupDecl = z.output<typeof authorizationGroupSchema>;
export type FilterDecl = z.output<typeof filterSchema>;
export type ConnectionDecl = z.output<typeof connectionSchema>;
export type ConnectionInput = z.input<typeof connectionSchema>;
export type Approval = z.output<typeof approvalSchema>;
export type SuppressionDecl = z.output<typeof suppressionSchema>;
