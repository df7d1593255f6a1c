/**
 * The synthetic repository's files as YAML text, written the way a requester would write them
 * (block lists for long address lists, flow style for short ones). Strings are quoted with JSON's
 * rules, which YAML's double-quoted scalars share.
 */
import type { Catalog, Domain, LogicalAddress, SystemModel } from './catalog';
import type { Approval, ConnectionModel } from './connections';
import { slug } from './names';

export const ENVIRONMENTS = ['test', 'qa', 'prod'] as const;
export type Env = (typeof ENVIRONMENTS)[number];

const q = (text: string) => JSON.stringify(text);
const approval = (a: Approval) => `{ ref: ${a.ref}, approved: ${a.approved} }`;

/** `cosmic.test.example.se`; production hosts have no environment label. */
export function hostOf(system: SystemModel, env: Env): string {
  return env === 'prod' ? `${system.slug}.example.se` : `${system.slug}.${env}.example.se`;
}

/** Certificate file of a consumer, relative to config/systems/: test and qa share the test CA's. */
function certificateOf(system: SystemModel, env: Env): string {
  return `certs/${system.slug}-${env === 'prod' ? 'prod' : 'test'}.pem`;
}

/** Each system gets its own /32 endpoint and /28 source network per environment. */
function networks(system: SystemModel, env: Env): { endpoint: string; source: string } {
  const e = ENVIRONMENTS.indexOf(env);
  const n = system.index;
  return { endpoint: `10.${10 + e}.${n >> 8}.${n & 255}/32`, source: `10.${20 + e}.${n >> 4}.${(n & 15) << 4}/28` };
}

export function renderSystem(system: SystemModel): string {
  // A code host's organisation name: letters and digits (Örebro -> orebro), as owners must be.
  const team = slug(system.organisation);
  const lines = [
    `hsaId: ${system.hsaId}`,
    `name: ${q(system.name)}`,
    `organisation: ${q(system.organisation)}`,
    `owners: [${q(`@${team}/integration`)}]`,
    'contacts:',
    `  - { role: technical, name: ${q(`${system.name} support`)}, email: support@${system.slug}.example.se }`,
  ];
  if (system.deactivated) lines.push('deactivated: { date: 2025-06-30, reason: Replaced by a newer system }');
  lines.push('environments:');
  for (const env of ENVIRONMENTS) {
    const net = networks(system, env);
    lines.push(`  ${env}:`);
    if (system.consumes) {
      lines.push(`    certificates: [${certificateOf(system, env)}]`, `    sourceAddresses: [${net.source}]`);
    }
    if (system.produces) lines.push(`    endpoints: [{ host: ${hostOf(system, env)}, port: 443, addresses: [${net.endpoint}] }]`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderDomain(domain: Domain): string {
  const lines = [`domain: ${domain.domain}`, `owners: ["@inera/${domain.slug}"]`, 'contracts:'];
  for (const c of domain.contracts) lines.push(`  - { name: ${c.name}, major: ${c.major}, minor: ${c.minor} }`);
  return `${lines.join('\n')}\n`;
}

export function renderAddresses(addresses: LogicalAddress[]): string {
  const lines = ['logicalAddresses:'];
  for (const a of addresses) {
    const parent = a.parent ? `, parent: ${a.parent}` : '';
    lines.push(`  - { hsaId: ${a.hsaId}, description: ${q(a.description)}${parent} }`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderTrustedCas(): string {
  return [
    'cas:',
    '  - { name: Synthetic TEST Function CA v1, file: cas/test-function-ca.pem, environments: [test, qa], test: true }',
    '  - { name: Synthetic Function CA v1, file: cas/function-ca.pem, environments: [prod] }',
    '',
  ].join('\n');
}

export function renderEnvironment(env: Env, catalog: Catalog): string {
  const lines = [
    `name: ${env}`,
    `platform: NTJP-${env.toUpperCase()}`,
    `stage: ${env}`,
    `description: National service platform, ${env} environment (synthetic)`,
  ];
  if (env !== 'test') lines.push(`promotesFrom: ${env === 'prod' ? 'qa' : 'test'}`);
  lines.push(`kubernetes: { context: ntjp-${env}, namespace: tak-${env}, host: tp.${env === 'prod' ? '' : `${env}.`}example.se }`);
  lines.push('installedContracts:');
  for (const d of catalog.domains) for (const c of d.contracts) lines.push(`  - ${c.short}`);
  return `${lines.join('\n')}\n`;
}

function addressList(addresses: string[], indent: string): string[] {
  if (addresses.length <= 3) return [`${indent}logicalAddresses: [${addresses.join(', ')}]`];
  return [`${indent}logicalAddresses:`, ...addresses.map((a) => `${indent}  - ${a}`)];
}

/** The producer's URL for one contract; a moved endpoint has a `v2/` path. */
function endpointUrl(c: ConnectionModel, index: number, env: Env): string {
  const contract = c.contracts[index];
  const moved = index < c.movedEndpoints ? 'v2/' : '';
  return `https://${hostOf(c.producer, env)}/${moved}${c.domain.slug}/${contract.name}/${contract.major}/${c.profile.toLowerCase()}`;
}

export function renderConnection(c: ConnectionModel, env: Env): string {
  const lines = [`description: ${q(c.description)}`];
  // prod names the pre-study as updated for prod: approved again, after qa's self-declaration.
  const prestudy = env === 'prod' ? { ...c.prestudy, approved: c.prestudy.approved.replace(/-01$/, '-15') } : c.prestudy;
  if (env !== 'test') lines.push(`prestudy: ${approval(prestudy)}`, 'testEvidence:', `  selfDeclaration: ${approval(c.selfDeclaration)}`);
  if (env === 'prod') lines.push(`  endToEnd: ${approval(c.endToEnd)}`);
  const validity = c.validFrom ? [`    validFrom: ${c.validFrom}`] : [];
  lines.push('routing:', `  - producer: ${c.producer.hsaId}`, `    profile: ${c.profile}`, ...validity, '    contracts:');
  c.contracts.forEach((contract, i) => lines.push(`      ${contract.short}: ${endpointUrl(c, i, env)}`));
  lines.push(...addressList(c.addresses, '    '));
  const authorized = c.consumers.map((consumer, i) => {
    const last = i === c.consumers.length - 1;
    return { consumer, addresses: last ? c.addresses.slice(0, c.addresses.length - c.revokedAddresses) : c.addresses };
  });
  if (authorized.some((a) => a.addresses.length > 0)) lines.push('authorizations:');
  for (const { consumer, addresses } of authorized.filter((a) => a.addresses.length > 0)) {
    lines.push(`  - consumer: ${consumer.hsaId}`, ...validity, `    contracts: [${c.contracts.map((x) => x.short).join(', ')}]`);
    lines.push(...addressList(addresses, '    '));
  }
  return `${lines.join('\n')}\n`;
}
