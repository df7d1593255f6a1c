import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readTakExport } from '../../src/formats/tak-export/read';
import { runCli } from '../helpers/cli';
import { validateRepo } from '../helpers/minimal-repo';
import { authorizationSignature, buildExport, routingSignature } from './catalog-export';

const NOW = '2026-06-01';
const folders: string[] = [];

/** An empty git repository with its own identity, as a team would start one. */
function emptyRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tak-import-'));
  folders.push(root);
  execFileSync('git', ['init', '-q', root]);
  execFileSync('git', ['-C', root, 'config', 'user.name', 'Import Test']);
  execFileSync('git', ['-C', root, 'config', 'user.email', 'import@example.se']);
  return root;
}

function file(root: string, name: string, text: string): string {
  const full = path.join(root, name);
  writeFileSync(full, text);
  return full;
}

async function cli(args: string[]) {
  return runCli([...args, '--now', NOW]);
}

/** The valid rows of an export, as signatures. */
function signatures(json: string) {
  const { tables } = readTakExport(json);
  const valid = <T extends { to?: string; from?: string }>(r: T) => (r.from ?? '') <= NOW && NOW <= (r.to ?? '9999');
  return {
    routing: tables.routing.filter(valid).map(routingSignature).sort(),
    authorizations: tables.authorizations.filter(valid).map(authorizationSignature).sort(),
  };
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.name === '.git' ? [] : e.isDirectory() ? listFiles(root, path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('tak import tak-export', () => {
  const built = buildExport({ units: 120, messy: true });

  it('imports into an empty git repository and gives back the same valid rows through tak export tak-export', async () => {
    const root = emptyRepo();
    const input = file(root, '../' + path.basename(root) + '-export.json', built.json);
    folders.push(input);
    const result = await cli(['import', 'tak-export', input, '--env', 'qa', '-C', root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/had ended before 2026-06-01: left out/);
    expect(existsSync(path.join(root, 'environments/qa/environment.yaml'))).toBe(true);
    expect(readFileSync(path.join(root, 'environments/qa/environment.yaml'), 'utf8')).toMatch(/stage: qa/);

    const out = path.join(root, 'back.json');
    const exported = await cli(['export', 'tak-export', '--env', 'qa', '-C', root, '-o', out]);
    expect(exported.code).toBe(0);
    const back = signatures(readFileSync(out, 'utf8'));
    expect(back.routing).toEqual(built.routing);
    expect(back.authorizations).toEqual(built.authorizations);
  });

  it('keeps the messy rows as they are, and tak validate reports them', async () => {
    const root = emptyRepo();
    const input = path.join(root, 'export.json');
    writeFileSync(input, built.json);
    expect((await cli(['import', 'tak-export', input, '--env', 'test', '-C', root])).code).toBe(0);
    rmSync(input);
    const findings = (await validateRepo(root, new Date(`${NOW}T00:00:00Z`))).findings;
    const rules = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(rules('namespace-syntax').map((f) => f.entity?.toLowerCase())).toContain('http://nationellpatientoversikt.se:sendstatus');
    expect(rules('routing-unique').length).toBeGreaterThan(0);
    expect(rules('authorization-reachable').some((f) => f.message.includes('5565594230'))).toBe(true);
    expect(rules('schema')).toEqual([]);
    expect(rules('reference-exists')).toEqual([]);
    expect(rules('contract-installed')).toEqual([]);
  });

  it('writes identifiers that look like numbers quoted, groups addresses in lists, and keeps filters and agreements', async () => {
    const root = emptyRepo();
    const input = path.join(root, 'export.json');
    writeFileSync(input, built.json);
    await cli(['import', 'tak-export', input, '--env', 'test', '-C', root]);
    const files = listFiles(root).filter((f) => f.endsWith('.yaml'));
    const all = files.map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');
    expect(all).toMatch(/hsaId: "01"/);
    expect(all).toMatch(/- "5565594230"/);
    expect(all).not.toMatch(/hsaId: 01\b/);
    const auth = readFileSync(path.join(root, 'environments/test/authorizations/se2321000016-a1b2/clinicalprocess-healthcond-description.yaml'), 'utf8');
    expect(auth).toMatch(/integrationAgreement: IA-2015-17/);
    expect(auth).toMatch(/serviceDomain: urn:riv:clinicalprocess:healthcond:description/);
    expect(auth).toMatch(/- voo/);
    // 120 units * 3 contracts of routing are a handful of groups, not one entry per pair.
    const routing = readFileSync(path.join(root, 'environments/test/routing/se2321000016-7p11/clinicalprocess-healthcond-description.yaml'), 'utf8');
    expect((routing.match(/- producer:/g) ?? []).length).toBeLessThanOrEqual(2);
  });

  it('keeps expired rows with --include-expired, with their end dates', async () => {
    const root = emptyRepo();
    const input = path.join(root, 'export.json');
    writeFileSync(input, built.json);
    await cli(['import', 'tak-export', input, '--env', 'test', '--include-expired', '-C', root]);
    const all = listFiles(root).filter((f) => f.startsWith('environments')).map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');
    expect(all).toMatch(/validTo: 2019-12-31/);
    expect(all).toMatch(/integrationAgreement: OLD/);
  });

  it('refuses to replace an environment\'s declarations without --force, then says what it replaced', async () => {
    const root = emptyRepo();
    const input = path.join(root, 'export.json');
    writeFileSync(input, built.json);
    await cli(['import', 'tak-export', input, '--env', 'test', '-C', root]);
    const before = listFiles(root).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]);
    const again = await cli(['import', 'tak-export', input, '--env', 'test', '-C', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has \d+ connection files .*--force/);
    expect(listFiles(root).map((f) => [f, readFileSync(path.join(root, f), 'utf8')])).toEqual(before);
    const forced = await cli(['import', 'tak-export', input, '--env', 'test', '--force', '-C', root]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/replaced \d+ connection files: environments\/test\//);
    expect(listFiles(root).some((f) => f.startsWith('.tak-import-'))).toBe(false);
  });

  it('adds a second environment to the same catalog without touching the first', async () => {
    const root = emptyRepo();
    const input = path.join(root, 'export.json');
    writeFileSync(input, built.json);
    await cli(['import', 'tak-export', input, '--env', 'test', '-C', root]);
    const second = await cli(['import', 'tak-export', input, '--env', 'qa', '-C', root]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 systems added/);
    rmSync(input);
    const findings = (await validateRepo(root, new Date(`${NOW}T00:00:00Z`))).findings;
    expect(findings.filter((f) => f.rule === 'entity-unique')).toEqual([]);
  });

  it('says clearly when the file is not an export', async () => {
    const root = emptyRepo();
    const bad = file(root, 'bad.json', '{"formatVersion":"1"');
    const result = await cli(['import', 'tak-export', bad, '--env', 'test', '-C', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json:1:21 is not JSON: unexpected end of the text/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('tak import takapi and tak export takapi', () => {
  it('round-trips through a folder of responses, with and without include= embedding', async () => {
    const built = buildExport({ units: 80, messy: true });
    const first = emptyRepo();
    writeFileSync(path.join(first, 'export.json'), built.json);
    await cli(['import', 'tak-export', path.join(first, 'export.json'), '--env', 'test', '-C', first]);
    const api = path.join(first, 'api');
    expect((await cli(['export', 'takapi', '--env', 'test', '-C', first, '-o', api])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(api, 'serviceProductions.json'), 'utf8'))[0].serviceProducer.hsaId).toBeDefined();

    // The same responses fetched without include=: relations carry only their technical id.
    const bare = path.join(first, 'api-bare');
    mkdirSync(bare);
    for (const name of readdirSync(api)) {
      const items = JSON.parse(readFileSync(path.join(api, name), 'utf8')) as Record<string, unknown>[];
      const strip = (x: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v && typeof v === 'object' && k !== 'connectionPoint' ? { id: (v as { id: number }).id } : v]));
      writeFileSync(path.join(bare, name), JSON.stringify(['cooperations.json', 'serviceProductions.json'].includes(name) ? items.map(strip) : items));
    }
    for (const folder of [api, bare]) {
      const second = emptyRepo();
      const imported = await cli(['import', 'takapi', folder, '--env', 'test', '-C', second]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(readFileSync(path.join(second, 'environments/test/environment.yaml'), 'utf8')).toMatch(/platform: NTJP-TEST/);
      const out = path.join(second, 'back.json');
      await cli(['export', 'tak-export', '--env', 'test', '-C', second, '-o', out]);
      const back = signatures(readFileSync(out, 'utf8'));
      expect(back.routing).toEqual(built.routing);
      expect(back.authorizations).toEqual(built.authorizations);
    }
  });
});

describe('tak import order and tak export order', () => {
  const built = buildExport({ units: 60, messy: false });

  async function importedRepo(): Promise<string> {
    const root = emptyRepo();
    writeFileSync(path.join(root, 'export.json'), built.json);
    await cli(['import', 'tak-export', path.join(root, 'export.json'), '--env', 'test', '--platform', 'SKLTP-TEST', '-C', root]);
    rmSync(path.join(root, 'export.json'));
    return root;
  }

  it('round-trips the whole environment as one inkludera order', async () => {
    const first = await importedRepo();
    const order = path.join(first, 'order.json');
    expect((await cli(['export', 'order', '--env', 'test', '-C', first, '-o', order])).code).toBe(0);
    const second = emptyRepo();
    const applied = await cli(['import', 'order', order, '--env', 'test', '--platform', 'SKLTP-TEST', '-C', second]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const out = path.join(second, 'back.json');
    await cli(['export', 'tak-export', '--env', 'test', '-C', second, '-o', out]);
    const back = signatures(readFileSync(out, 'utf8'));
    expect(back.routing).toEqual(built.routing);
    expect(back.authorizations).toEqual(built.authorizations);
  });

  it('applies an order to existing declarations: additions in a new file, a replaced route rewritten where it was', async () => {
    const root = await importedRepo();
    const [la] = /SE2321000016-1000/.exec(built.json)!;
    const contract = 'urn:riv:clinicalprocess:healthcond:description:GetCareContactsResponder:3';
    const order = {
      plattform: 'SKLTP-TEST', formatVersion: '1.0', version: '1',
      bestallningsTidpunkt: '2026-06-01T08:00:00+0000', genomforandeTidpunkt: '2026-06-01T08:00:00+0000', utforare: 'x', kommentar: null,
      inkludera: {
        logiskadresser: [{ hsaId: 'SE2321000016-NEW1', beskrivning: 'Ny vårdcentral' }],
        vagval: [
          { adress: 'https://journal.example.se/0/rivtabp21', logiskAdress: 'SE2321000016-NEW1', tjanstekontrakt: contract, rivtaprofil: 'RIVTABP21', tjanstekomponent: 'SE2321000016-7P11' },
          { adress: 'https://moved.example.se/x', logiskAdress: la, tjanstekontrakt: contract, rivtaprofil: 'RIVTABP21', tjanstekomponent: 'SE2321000016-7P11' },
        ],
      },
    };
    const file = path.join(root, 'BS-1.json');
    writeFileSync(file, `Beställning från ärende:\n${JSON.stringify(order)}\n`);
    const applied = await cli(['import', 'order', file, '--env', 'test', '-C', root]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(readFileSync(path.join(root, 'environments/test/orders/bs-1.yaml'), 'utf8')).toMatch(/SE2321000016-NEW1[\s\S]*moved\.example\.se|moved\.example\.se[\s\S]*SE2321000016-NEW1/);
    rmSync(file);
    const out = path.join(root, 'back.json');
    await cli(['export', 'tak-export', '--env', 'test', '-C', root, '-o', out]);
    const back = signatures(readFileSync(out, 'utf8'));
    expect(back.routing).toContain(routingSignature({ contract, logicalAddress: la, producer: 'SE2321000016-7P11', profile: 'RIVTABP21', url: 'https://moved.example.se/x' }));
    expect(back.routing).not.toContain(routingSignature({ contract, logicalAddress: la, producer: 'SE2321000016-7P11', profile: 'RIVTABP21', url: 'https://journal.example.se/0/rivtabp21' }));
    expect(back.routing.length).toBe(built.routing.length + 1);
    rmSync(out);
    const findings = (await validateRepo(root, new Date(`${NOW}T00:00:00Z`))).findings;
    expect(findings.filter((f) => ['schema', 'routing-unique', 'reference-exists'].includes(f.rule))).toEqual([]);
  });

  it.each([
    ['another platform', { plattform: 'NTJP-PROD' }, /Beställningen avser plattform NTJP-PROD, men den här instansen av tak-web hanterar SKLTP-TEST/],
    ['a duplicate', { inkludera: { anropsbehorigheter: [1, 2].map(() => ({ logiskAdress: 'SE2321000016-1000', tjanstekontrakt: 'urn:riv:clinicalprocess:healthcond:description:GetCareContactsResponder:3', tjanstekonsument: 'SE2321000016-A1B2' })) } }, /./],
    ['a missing reference', { inkludera: { anropsbehorigheter: [{ logiskAdress: 'SE2321000016-NOPE', tjanstekontrakt: 'urn:riv:clinicalprocess:healthcond:description:GetCareContactsResponder:3', tjanstekonsument: 'SE2321000016-A1B2' }] } }, /SE2321000016-NOPE/],
  ])('refuses an order with %s, with the platform\'s reasons, and writes nothing', async (_what, change, reason) => {
    const root = await importedRepo();
    const order = { plattform: 'SKLTP-TEST', formatVersion: 1, version: 1, genomforandeTidpunkt: '2026-06-01T08:00:00+0000', inkludera: {}, ...change };
    const file = path.join(tmpdir(), `order-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    folders.push(file);
    writeFileSync(file, JSON.stringify(order));
    const before = listFiles(root).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]);
    const result = await cli(['import', 'order', file, '--env', 'test', '-C', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the order is refused; nothing was written/);
    expect(result.stderr).toMatch(reason);
    expect(listFiles(root).map((f) => [f, readFileSync(path.join(root, f), 'utf8')])).toEqual(before);
  });
});

describe('tak export', () => {
  it('never replaces an existing file without --force, and writes vp-cache', async () => {
    const root = emptyRepo();
    writeFileSync(path.join(root, 'export.json'), buildExport({ units: 5, messy: false }).json);
    await cli(['import', 'tak-export', path.join(root, 'export.json'), '--env', 'test', '-C', root]);
    const out = path.join(root, 'cache.xml');
    writeFileSync(out, 'mine');
    const refused = await cli(['export', 'vp-cache', '--env', 'test', '-C', root, '-o', out]);
    expect(refused.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli(['export', 'vp-cache', '--env', 'test', '-C', root, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<persistentCache[\s\S]*SE2321000016-1000/);
  });
});
