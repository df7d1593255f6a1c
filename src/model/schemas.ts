/**
 * The declaration schemas: what a requester may write in `config/` and `environments/`.
 * Every object is strict, so a misspelt key is an error at its own line rather than silently ignored.
 * Identifier syntax (HSA-id, namespace, URL) is deliberately not enforced here: imported legacy data
 * must load, and the integrity rules report what the platform would refuse.
 */
import { z } from 'zod';
import { forbiddenCharacter, type Carrier } from './characters';
import { REFINEMENTS } from './refinements';
import type { FileKind } from '../load/layout';
import { GOVERNANCE_KINDS } from './governance-kinds';

/**
 * Values are kept exactly as written, white space and line separators included: the platform matches
 * such values byte for byte, so trimming here would silently change who can call what. What the
 * platform would refuse in a new order is reported by the rules instead. Each kind of value refuses
 * only the characters its carrier cannot hold, naming the first one found.
 */
const held = (carrier: Carrier) =>
  z
    .string()
    // One refinement for both checks, worded when it fails: a superRefine would make a closure for every
    // string of a catalog, and a check of its own for emptiness costs a pass per string too.
    .refine(REFINEMENTS[carrier], {
      error: (issue) => {
        const value = issue.input as string;
        return value.length === 0 ? 'must not be empty' : `holds the control or invisible character ${forbiddenCharacter(value, carrier)}; remove it`;
      },
    });
/** One line written by people: names, organisations, references. Control characters would split a report line. */
const text = held('line');
/** Descriptions and reasons, which may run over several lines. */
const prose = held('prose');
/**
 * What the platform's catalog holds and its VP cache (XML) carries: HSA-ids, namespaces, URLs and
 * catalog descriptions. Real catalogs hold trailing spaces, CR LF and U+2028 in them, which must
 * survive import and export; `hsa-id-syntax` and `url-syntax` report them.
 */
const data = held('xml');
/** A calendar date as the catalog stores it (day granularity). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(REFINEMENTS.calendarDay, 'is not a real calendar date (check the day of the month)');
const IDENTIFIER_MAX = 255;
const identifier = data.max(IDENTIFIER_MAX, `must be at most ${IDENTIFIER_MAX} characters`);
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
  reason: prose,
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
  description: prose.optional(),
  organisation: text,
  owners,
  contacts: z.array(contactSchema).default([]),
  deactivated: z.strictObject({ date: isoDate, reason: prose.optional() }).optional(),
  environments: z.record(environmentName, systemEnvironmentSchema).default({}),
  suppressions,
});

/** A service contract (tjänstekontrakt) within its domain. */
export const contractSchema = z.strictObject({
  name: data,
  major: z.number().int().min(0),
  minor: z.number().int().min(0).default(0),
  description: data.optional(),
  /** A full namespace for legacy contracts that do not follow `urn:riv:<domain>:<name>Responder:<major>`. */
  namespace: identifier.optional(),
});

/** A service domain (tjänstedomän) and its contracts. */
export const serviceDomainSchema = z.strictObject({
  domain: identifier,
  name: text.optional(),
  description: prose.optional(),
  owners,
  contracts: z.array(contractSchema).default([]),
  suppressions,
});

/** A logical address (logisk adress): usually the HSA-id of a care unit or a system. */
export const logicalAddressSchema = z.strictObject({
  hsaId: identifier,
  description: data.max(255, 'must be at most 255 characters'),
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

export { GOVERNANCE_KINDS };
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

/**
 * `tak serve` deployed next to the platform (synthesized by `tak synth`): the image that runs it,
 * the repository its pods clone and fetch the applied refs from, and who may reach it.
 */
export const serveTargetSchema = z.strictObject({
  /** An image with git and this tool, `tak` on its PATH. */
  image: text,
  /** The repository URL the pods clone (https:// or ssh://). */
  repository: z.string().regex(/^(https|ssh):\/\/[^\s]+$/, 'must be an https:// or ssh:// URL'),
  /** The git server's addresses (CIDR), which the pods may reach. */
  gitAddresses: z.array(text).min(1),
  /** Other callers than the VP (the catalog fetching orders, the integration browser): addresses (CIDR). */
  clientAddresses: z.array(text).default([]),
  replicas: z.number().int().min(1).max(20).default(2),
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
  description: prose.optional(),
  promotesFrom: environmentName.optional(),
  kubernetes: kubernetesTargetSchema.optional(),
  installedContracts: z.array(data).default([]),
  orderEndpoint: z.url().optional(),
  /**
   * Where `tak apply` publishes this environment's orders for the catalog to fetch by number:
   * a branch of this repository (default `tak/orders`) or a folder (a storage path).
   */
  orderFeed: z.union([z.strictObject({ branch: text }), z.strictObject({ path: text })]).optional(),
  /** Deploy `tak serve` for this environment (needs `kubernetes`). */
  serve: serveTargetSchema.optional(),
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

/** A period must not end before it starts (the catalog would store an entry that is never valid). */
const periodInOrder: [(g: { validFrom?: string; validTo?: string }) => boolean, { message: string; path: string[] }] = [
  REFINEMENTS.periodInOrder,
  { message: 'ends before validFrom; make validTo the same day or later', path: ['validTo'] },
];

/** Routing (vägval): one producer, its endpoint per contract, for many logical addresses. */
export const routingGroupSchema = z.strictObject({
  producer: identifier,
  profile: identifier,
  contracts: z
    .record(data, data)
    .refine(REFINEMENTS.someContract, 'must map at least one contract to its endpoint URL'),
  logicalAddresses: groupAddresses,
  ...validity,
}).refine(...periodInOrder);

/** The catalog's optional authorization filter, used by aggregating services. */
export const filterSchema = z.strictObject({
  serviceDomain: data.regex(/^\S+$/, 'must not contain white space'),
  categorizations: z.array(data).default([]),
});

/**
 * Consumer authorization (anropsbehörighet): one consumer (`consumer`) or several (`consumers`), many
 * contracts, many logical addresses; every combination is one authorization.
 */
export const authorizationGroupSchema = z
  .strictObject({
    consumer: identifier.optional(),
    consumers: z.array(identifier).min(1).optional(),
    contracts: z.array(data).min(1),
    logicalAddresses: groupAddresses,
    integrationAgreement: data.optional(),
    filters: z.array(filterSchema).optional(),
    ...validity,
  })
  .refine(REFINEMENTS.oneConsumerField, {
    message: 'needs either consumer (one HSA-id) or consumers (a list), not both',
    path: ['consumer'],
  })
  .refine(...periodInOrder);

export const testEvidenceSchema = z.strictObject({
  selfDeclaration: approvalSchema.optional(),
  endToEnd: approvalSchema.optional(),
});

/** A connection file under `environments/<env>/`: routing and authorizations that belong together. */
export const connectionSchema = z.strictObject({
  description: prose.optional(),
  prestudy: approvalSchema.optional(),
  testEvidence: testEvidenceSchema.optional(),
  routing: z.array(routingGroupSchema).default([]),
  authorizations: z.array(authorizationGroupSchema).default([]),
  suppressions,
});

/** The schema of each kind of declaration file (src/load/layout.ts says which kind a file is). */
export const declarationSchemas = {
  system: systemSchema,
  'service-domain': serviceDomainSchema,
  'logical-addresses': logicalAddressCatalogSchema,
  'trusted-cas': trustedCasSchema,
  platform: platformSchema,
  environment: environmentSchema,
  connection: connectionSchema,
} satisfies Record<FileKind, z.ZodType>;

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
