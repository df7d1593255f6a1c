/**
 * The precheck against the schemas it is generated from: whatever it accepts, the schema accepts,
 * and the value it leaves (defaults supplied in place) is the declaration the schema gives. It must
 * also accept real declarations, or every file would go the slow way.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadRepository } from '../load';
import type { FileKind } from '../load/layout';
import { WorkingTreeReader } from '../load/reader';
import { precheck } from './precheck';
import { jsonSchemaOf, precheckSource } from './precheck-source';
import { z } from 'zod';
import { declarationSchemas } from './schemas';

const ROOT = path.join(__dirname, '..', '..');
const SEED = 20261202;

/** One declaration of each kind with every optional part written, all valid. */
const FULL: Record<FileKind, unknown> = {
  system: {
    hsaId: 'SE2321000016-A1B2',
    name: 'Journal',
    description: 'Journalsystemet\nför regionen',
    organisation: 'Region Exempel',
    owners: ['@region/journal', 'team@example.se'],
    contacts: [{ role: 'tekniskt', name: 'Anna', email: 'anna@example.se', phone: '010-123' }],
    deactivated: { date: '2026-01-31', reason: 'ersatt' },
    environments: { test: { certificates: ['certs/j.pem'], endpoints: [{ host: 'j.example.se', port: 8443, addresses: ['192.0.2.1/32'] }], sourceAddresses: ['203.0.113.0/24'] }, qa: {} },
    suppressions: [{ rule: 'hsa-id-syntax', entity: 'SE1', reason: 'legacy', ticket: 'T-1', expires: '2027-01-01' }],
  },
  'service-domain': {
    domain: 'clinicalprocess:healthcond:description',
    name: 'Hälsotillstånd',
    description: 'text',
    owners: ['@inera/domain'],
    contracts: [{ name: 'GetCareDocumentation', major: 3, minor: 1, description: 'x', namespace: 'urn:riv:x:GetCareDocumentationResponder:3' }, { name: 'GetDiagnosis', major: 2 }],
  },
  'logical-addresses': { logicalAddresses: [{ hsaId: 'SE1', description: 'Vårdcentral' }, { hsaId: 'SE2', description: 'Enhet', parent: 'SE1' }] },
  'trusted-cas': { cas: [{ name: 'TEST CA', file: 'cas/t.pem', environments: ['test', 'qa'], test: true }, { name: 'CA', file: 'cas/p.pem', environments: ['prod'] }] },
  platform: { owners: ['@inera/tak'], approval: { stages: ['qa', 'prod'], changes: ['trusted-ca'] } },
  environment: {
    name: 'qa',
    platform: 'NTJP-QA',
    stage: 'qa',
    description: 'qa',
    promotesFrom: 'test',
    kubernetes: { context: 'c', namespace: 'tak-qa', host: 'tp.example.se', backend: { type: 'kubernetes', secretSuffix: 'qa' } },
    installedContracts: ['GetForms:2'],
    orderFeed: { branch: 'tak/orders' },
    serve: { image: 'tak:1', repository: 'https://git.example.se/tak.git', gitAddresses: ['192.0.2.0/24'], replicas: 3 },
    policy: { certificateExpiryWarningDays: 60, requirePromotion: false, requireHttps: true },
  },
  connection: {
    description: 'Journal calls forms',
    prestudy: { ref: 'FS-1', approved: '2026-01-10', by: 'Inera', covers: ['qa', 'prod'] },
    testEvidence: { selfDeclaration: { ref: 'SD-1', approved: '2026-02-01' }, endToEnd: { ref: 'E2E-1', approved: '2026-02-02' } },
    routing: [
      {
        producer: 'SE2321000016-F1',
        profile: 'RIVTABP21',
        contracts: { 'GetForms:2': 'https://forms.example.se/GetForms/2/rivtabp21' },
        logicalAddresses: ['SE1', 'SE2'],
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        wildcardApproval: { ref: 'W-1', approved: '2026-01-01' },
        preExisting: true,
      },
    ],
    authorizations: [
      { consumer: 'SE2321000016-A1B2', contracts: ['GetForms:2'], logicalAddresses: ['SE1'], integrationAgreement: 'IA-1', filters: [{ serviceDomain: 'riv:x', categorizations: ['a'] }] },
      { consumers: ['SE1', 'SE2'], contracts: ['GetForms:2'], logicalAddresses: ['*'], validFrom: '2026-01-01' },
    ],
    suppressions: [{ rule: 'promotion', reason: 'because' }],
  },
};

/** Values a mutation writes somewhere: each breaks some rule of some field, or happens to keep it. */
const ODD_VALUES: unknown[] = [
  '', ' ', 'x', ' x ', 'a\u0000b', 'tab\there', 'line\nbreak', 'a\u2028b', 'a\u202eb', '\ud800', 'x'.repeat(255), 'x'.repeat(256), '😀'.repeat(128),
  '2024-02-29', '2023-02-29', '2026-13-01', '2026-1-1', '2026-12-31', '2026-01-01', 'not a date', 'qa', 'prod', 'Prod', 'RIVTABP21',
  '@org/team', 'a@b.se', 'not an email', 'https://x.example.se', 'ftp://x', '*', 'SE1', 'local', 'kubernetes',
  0, -1, 1, 1.5, 443, 65536, 1e300, Number.MAX_SAFE_INTEGER + 2, true, false, null, undefined, [], {}, ['x'], [''], { x: 1 }, [{}],
];

type Path = (string | number)[];

/** Every place in a value a mutation can touch: each property and item, with its parent. */
function places(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([...at, i]), places(item, [...at, i], out)));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) (out.push([...at, k]), places(v, [...at, k], out));
  return out;
}

function parentOf(root: unknown, at: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const segment of at.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  return node;
}

/** Replace, delete, or add a sibling; `pick` chooses among the places and values. */
function mutate(value: unknown, [where, how, what]: [number, number, number]): void {
  const all = places(value);
  if (all.length === 0) return;
  const at = all[where % all.length];
  const parent = parentOf(value, at);
  const key = at[at.length - 1];
  const odd = structuredClone(ODD_VALUES[what % ODD_VALUES.length]);
  if (how % 3 === 0) parent[key] = odd;
  else if (how % 3 === 1) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent.push(odd);
  else parent[['unknown', 'consumer', 'consumers', 'validTo', 'validFrom', 'namespace', 'default'][what % 7]] = odd;
}

describe('precheck', () => {
  it('is generated from the schemas as they are (run npm run precheck after changing them)', () => {
    expect(readFileSync(path.join(__dirname, 'precheck.generated.js'), 'utf8')).toBe(precheckSource());
  });

  it('accepts every declaration of the shipped example repository and the full declaration of each kind', async () => {
    const loaded = await loadRepository(new WorkingTreeReader(ROOT), undefined, { typescript: { run: false, timeoutMs: 0 } });
    expect(loaded.files.length).toBeGreaterThan(10);
    for (const file of loaded.files) expect([file.path, precheck(file.kind, structuredClone(file.value))]).toEqual([file.path, true]);
    for (const [kind, value] of Object.entries(FULL)) expect([kind, precheck(kind as FileKind, structuredClone(value))]).toEqual([kind, true]);
  });

  // PRECHECK_RUNS=100000 PRECHECK_SEED=n npx jest src/model/precheck searches longer.
  it('accepts only what the schema accepts, leaving the declaration the schema gives', () => {
    const outcomes = { both: 0, refused: 0 };
    const kinds = Object.keys(FULL) as FileKind[];
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }), (k, mutations) => {
        const kind = kinds[k % kinds.length];
        const value = structuredClone(FULL[kind]);
        for (const m of mutations) mutate(value, m);
        const schema = declarationSchemas[kind].safeParse(structuredClone(value));
        const prechecked = structuredClone(value);
        if (!precheck(kind, prechecked)) {
          outcomes.refused++;
          return;
        }
        outcomes.both++;
        expect(schema.success).toBe(true);
        // toEqual, not isDeepStrictEqual: structuredClone makes its objects in another realm than jest's.
        expect(prechecked).toEqual(schema.data);
      }),
      { seed: Number(process.env.PRECHECK_SEED ?? SEED), numRuns: Number(process.env.PRECHECK_RUNS ?? 3000) },
    );
    // Both ways were taken often: the property says something about acceptance, not only refusal.
    expect(outcomes.both).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
  });

  it('supplies the defaults the schema gives, where the value leaves them out', () => {
    const value = { hsaId: 'SE1', name: 'N', organisation: 'O', environments: { test: { endpoints: [{ host: 'h', addresses: ['192.0.2.1/32'] }] } } };
    expect(precheck('system', value)).toBe(true);
    expect(value).toEqual(declarationSchemas.system.parse(structuredClone(value)));
    expect(value.environments.test).toEqual({ certificates: [], endpoints: [{ host: 'h', port: 443, addresses: ['192.0.2.1/32'] }], sourceAddresses: [] });
  });

  it('leaves to zod what it cannot check exactly: a length counted in code points near the limit, a URL', () => {
    const fits = { logicalAddresses: [{ hsaId: '😀'.repeat(255), description: 'd' }] };
    expect(declarationSchemas['logical-addresses'].safeParse(structuredClone(fits)).success).toBe(true);
    expect(precheck('logical-addresses', fits)).toBe(false);
    const over = { logicalAddresses: [{ hsaId: `${'😀'.repeat(255)}x`, description: 'd' }] };
    expect(declarationSchemas['logical-addresses'].safeParse(structuredClone(over)).success).toBe(false);
    expect(precheck('logical-addresses', over)).toBe(false);
    const environment = { name: 'qa', platform: 'P', stage: 'qa', orderEndpoint: 'https://orders.example.se' };
    expect(declarationSchemas.environment.safeParse(structuredClone(environment)).success).toBe(true);
    expect(precheck('environment', environment)).toBe(false);
  });

  it('refuses in the generated schema what JSON Schema would say otherwise than zod: strip-mode objects, unknown types, string minimums, unknown refinements', () => {
    const refused = (schema: z.ZodType) => (jsonSchemaOf(schema) as { not?: object }).not !== undefined;
    expect(refused(z.strictObject({ a: z.string().max(3) }))).toBe(false);
    expect(refused(z.object({ a: z.string() }))).toBe(true);
    expect(refused(z.date())).toBe(true);
    expect(refused(z.string().transform((v) => v.trim()))).toBe(true);
    expect(refused(z.string().min(2))).toBe(true);
    expect(refused(z.array(z.string()).min(2))).toBe(false);
    expect(refused(z.string().refine((v) => v !== 'x'))).toBe(true);
    expect(refused(z.url())).toBe(true);
    expect(refused(z.record(z.enum(['a', 'b']), z.string()))).toBe(true);
  });
});
