/**
 * A minimal repository that passes every policy rule, in three environments (test -> qa -> prod),
 * with real certificates from a test CA and a production-like CA made for the run. A test changes
 * one file (or removes it with null) and looks at one rule's findings.
 */
import type { CheckResult, Finding } from '../../src/check/types';
import { baseFiles, CONSUMER, makeRepo, PRODUCER, removeRepo, validateRepo } from './minimal-repo';
import { issue, makeCa, type TestCa } from './certs';

export { CONSUMER, PRODUCER };
export const UNIT = 'SE2321000016-7XYZ';
export const ENVIRONMENTS = ['test', 'qa', 'prod'] as const;
export const NOW = new Date('2026-06-01T00:00:00Z');

export type Files = Record<string, string | Buffer | null>;

export interface Fixture {
  testCa: TestCa;
  prodCa: TestCa;
  files: Record<string, string>;
}

let fixture: Promise<Fixture> | undefined;

/** The compliant repository (made once per test file: key generation is the slow part). */
export function compliant(): Promise<Fixture> {
  fixture ??= build();
  return fixture;
}

async function build(): Promise<Fixture> {
  const testCa = await makeCa('Example TEST Function CA v1');
  const prodCa = await makeCa('Example Function CA v1');
  const files: Record<string, string> = {
    'config/trusted-cas.yaml': [
      'cas:',
      '  - { name: Example TEST Function CA v1, file: cas/test-ca.pem, environments: [test, qa], test: true }',
      '  - { name: Example Function CA v1, file: cas/prod-ca.pem, environments: [prod] }',
      '',
    ].join('\n'),
    'config/cas/test-ca.pem': testCa.pem,
    'config/cas/prod-ca.pem': prodCa.pem,
    'config/systems/producer.yaml': systemYaml(PRODUCER, 'Formulärmotorn', (env) => [
      `    endpoints: [{ host: forms.${env}.example.se, port: 443, addresses: [192.0.2.${10 + ENVIRONMENTS.indexOf(env)}/32] }]`,
    ]),
    'config/systems/consumer.yaml': systemYaml(CONSUMER, 'Journal', (env) => [
      `    certificates: [certs/consumer-${env}.pem]`,
      `    sourceAddresses: [203.0.113.${10 + ENVIRONMENTS.indexOf(env)}/32]`,
    ]),
    'config/service-domains/forms.yaml': baseFiles['config/service-domains/forms.yaml'],
    'config/logical-addresses/units.yaml': [
      'logicalAddresses:',
      `  - { hsaId: ${PRODUCER}, description: Formulärmotorn }`,
      `  - { hsaId: ${UNIT}, description: Vårdcentralen Exempel, parent: ${PRODUCER} }`,
      '',
    ].join('\n'),
  };
  for (const env of ENVIRONMENTS) {
    const ca = env === 'prod' ? prodCa : testCa;
    files[`config/systems/certs/consumer-${env}.pem`] = (await issue(ca, { serialNumber: CONSUMER, commonName: `journal.${env}.example.se` })).pem;
    files[`environments/${env}/environment.yaml`] = environmentYaml(env);
    files[`environments/${env}/connections/forms.yaml`] = connectionYaml(env);
  }
  return { testCa, prodCa, files };
}

function systemYaml(hsaId: string, name: string, perEnv: (env: (typeof ENVIRONMENTS)[number]) => string[]): string {
  return [`hsaId: ${hsaId}`, `name: ${name}`, 'organisation: Example', 'environments:', ...ENVIRONMENTS.flatMap((env) => [`  ${env}:`, ...perEnv(env)]), ''].join('\n');
}

export function environmentYaml(env: string, extra: string[] = []): string {
  const from = { test: undefined, qa: 'test', prod: 'qa' }[env];
  return [
    `name: ${env}`,
    `platform: NTJP-${env.toUpperCase()}`,
    `stage: ${env}`,
    ...(from ? [`promotesFrom: ${from}`] : []),
    'installedContracts: [GetForms:2, GetForm:2]',
    ...extra,
    '',
  ].join('\n');
}

export interface ConnectionOptions {
  prestudy?: boolean;
  endToEnd?: boolean;
  /** testEvidence.selfDeclaration (default: in qa). */
  selfDeclaration?: boolean;
  contracts?: string[];
  routingAddresses?: string[];
  authorizationAddresses?: string[];
  /** Extra lines inside the routing group and the authorization group (e.g. preExisting: true). */
  routingExtra?: string[];
  authorizationExtra?: string[];
  /** Lines after everything (e.g. suppressions). */
  tail?: string[];
}

/** A connection in `env` (compliant unless options say otherwise): the consumer calls GetForms at the producer. */
export function connectionYaml(env: string, o: ConnectionOptions = {}): string {
  const contracts = o.contracts ?? ['GetForms:2'];
  const lines = ['description: Journal reads forms'];
  // prod names the pre-study as updated for prod (a later approval than qa's).
  if (o.prestudy ?? env !== 'test') lines.push(`prestudy: { ref: FS-2026-0142, approved: ${env === 'prod' ? '2026-03-15' : '2026-03-01'} }`);
  const selfDeclaration = o.selfDeclaration ?? env === 'qa';
  const endToEnd = o.endToEnd ?? env === 'prod';
  if (endToEnd) {
    lines.push('testEvidence:', '  endToEnd: { ref: E2E-2026-0077, approved: 2026-04-01 }');
    if (selfDeclaration) lines.push('  selfDeclaration: { ref: SD-2026-0311, approved: 2026-03-20 }');
  }
  lines.push(
    'routing:',
    `  - producer: ${PRODUCER}`,
    '    profile: RIVTABP21',
    '    contracts:',
    ...contracts.map((c) => `      ${c}: https://forms.${env}.example.se/${c.replace(':', '/')}`),
    `    logicalAddresses: ${addressList(o.routingAddresses)}`,
    ...(o.routingExtra ?? []).map((l) => `    ${l}`),
    'authorizations:',
    `  - consumer: ${CONSUMER}`,
    `    contracts: [${contracts.join(', ')}]`,
    `    logicalAddresses: ${addressList(o.authorizationAddresses)}`,
    ...(o.authorizationExtra ?? []).map((l) => `    ${l}`),
    ...(o.tail ?? []),
    // Last, so that it moves no line a test points at.
    ...(selfDeclaration && !endToEnd ? ['testEvidence: { selfDeclaration: { ref: SD-2026-0311, approved: 2026-03-20 } }'] : []),
    '',
  );
  return lines.join('\n');
}

/** Quoted, since `*` would start a YAML alias. */
const addressList = (addresses = [PRODUCER]) => `[${addresses.map((a) => JSON.stringify(a)).join(', ')}]`;

/** Writes the compliant repository with `changes` over it, checks it as `tak validate` does, cleans up. */
export async function check(changes: Files = {}, now: Date = NOW): Promise<CheckResult> {
  const { files } = await compliant();
  const root = makeRepo({ ...files, ...changes }, true);
  try {
    return await validateRepo(root, now);
  } finally {
    removeRepo(root);
  }
}

/** `env file:line level message` of one rule's findings that are not suppressed. */
export function lines(findings: Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule && !f.suppressed).map((f) => `${f.env} ${f.location.file}:${f.location.line} ${f.level} ${f.message}`);
}

/** One rule's findings; a change that breaks the schema is a mistake in the test, so it throws. */
export async function findingsOf(rule: string, changes: Files = {}, now: Date = NOW): Promise<string[]> {
  const { findings } = await check(changes, now);
  const schema = lines(findings, 'schema');
  if (schema.length > 0) throw new Error(`the test repository does not parse:\n${schema.join('\n')}`);
  return lines(findings, rule);
}
