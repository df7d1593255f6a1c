/**
 * For random base/head pairs of a repository (routing and authorizations added, removed, moved
 * between files, URLs and producers changed, logical addresses and systems new in the head),
 * executing the order `tak plan` builds on the base's rows gives the head's rows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { WorkingTreeReader } from '../../src/load/reader';
import { readState } from '../../src/pipeline';
import { roundTrip } from '../plan/support';

const now = new Date('2026-11-02T09:30:00Z');
const CONTRACTS = ['GetForms:2', 'GetForm:2', 'SaveForm:1'];
const PRODUCERS = ['SE5565594230-P1', 'SE5565594230-P2'];
const CONSUMERS = ['SE2321000016-C1', 'SE2321000016-C2', 'SE2321000016-C3'];
const ADDRESSES = Array.from({ length: 6 }, (_, i) => `SE2321000016-L${i}`);

interface Side {
  /** contract, address -> producer, url variant, file */
  routing: Map<string, { producer: number; url: number; file: number }>;
  /** consumer, contract, address -> file */
  authorizations: Map<string, number>;
  extraAddresses: number[];
}

const side: fc.Arbitrary<Side> = fc.record({
  routing: fc
    .array(fc.tuple(fc.nat({ max: CONTRACTS.length - 1 }), fc.nat({ max: ADDRESSES.length - 1 }), fc.nat({ max: 1 }), fc.nat({ max: 2 }), fc.nat({ max: 2 })), { maxLength: 12 })
    .map((rows) => new Map(rows.map(([c, a, producer, url, file]) => [`${c}|${a}`, { producer, url, file }]))),
  authorizations: fc
    .array(fc.tuple(fc.nat({ max: CONSUMERS.length - 1 }), fc.nat({ max: CONTRACTS.length - 1 }), fc.nat({ max: ADDRESSES.length - 1 }), fc.nat({ max: 2 })), { maxLength: 12 })
    .map((rows) => new Map(rows.map(([consumer, c, a, file]) => [`${consumer}|${c}|${a}`, file]))),
  extraAddresses: fc.uniqueArray(fc.nat({ max: ADDRESSES.length - 1 }), { maxLength: 3 }),
});

/** Writes one side as a repository: the catalog it needs (and a few extra addresses), connection files split as drawn. */
function write(s: Side): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tak-plan-prop-'));
  const put = (file: string, value: unknown) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), stringify(value));
  };
  const addresses = new Set(s.extraAddresses);
  const systems = new Set<string>();
  const files: { routing: unknown[]; authorizations: unknown[] }[] = [0, 1, 2].map(() => ({ routing: [], authorizations: [] }));
  for (const [key, r] of s.routing) {
    const [c, a] = key.split('|').map(Number);
    addresses.add(a);
    systems.add(PRODUCERS[r.producer]);
    const url = `https://p${r.producer}.example.se/${CONTRACTS[c].replace(':', '/')}/v${r.url}`;
    files[r.file].routing.push({ producer: PRODUCERS[r.producer], profile: 'RIVTABP21', contracts: { [CONTRACTS[c]]: url }, logicalAddresses: [ADDRESSES[a]] });
  }
  for (const [key, file] of s.authorizations) {
    const [consumer, c, a] = key.split('|').map(Number);
    addresses.add(a);
    systems.add(CONSUMERS[consumer]);
    files[file].authorizations.push({ consumer: CONSUMERS[consumer], contracts: [CONTRACTS[c]], logicalAddresses: [ADDRESSES[a]] });
  }
  for (const hsaId of systems) put(`config/systems/${hsaId.toLowerCase()}.yaml`, { hsaId, name: `System ${hsaId}`, organisation: 'Exempel' });
  put('config/service-domains/forms.yaml', { domain: 'infrastructure:eservicesupply:forminteraction', contracts: CONTRACTS.map((c) => ({ name: c.split(':')[0], major: Number(c.split(':')[1]) })) });
  put('config/logical-addresses/units.yaml', { logicalAddresses: [...addresses].sort().map((a) => ({ hsaId: ADDRESSES[a], description: `Enhet ${a}` })) });
  put('environments/qa/environment.yaml', { name: 'qa', platform: 'NTJP-QA', stage: 'qa', installedContracts: CONTRACTS });
  files.forEach((f, i) => {
    if (f.routing.length || f.authorizations.length) put(`environments/qa/connections/part-${i}.yaml`, f);
  });
  return root;
}

describe('round trip for random base/head pairs: base + order = head', () => {
  it('executing the plan\'s order on the base gives the head', async () => {
    await fc.assert(
      fc.asyncProperty(side, side, async (b, h) => {
        const roots = [write(b), write(h)];
        try {
          const [base, head] = await Promise.all(roots.map(async (root) => (await readState(new WorkingTreeReader(root))).environments.get('qa')!));
          roundTrip(base, head, now);
        } finally {
          for (const root of roots) rmSync(root, { recursive: true, force: true });
        }
      }),
      { seed: 1202, numRuns: 60, endOnFailure: true },
    );
  });
});
