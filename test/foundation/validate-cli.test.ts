import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';
import { runCli } from '../helpers/cli';
import { commitAll } from '../plan/git';

const UNKNOWN_CONSUMER = {
  'environments/test/connections/extra.yaml':
    'authorizations:\n  - consumer: SE0000000000-NOPE\n    contracts: [GetForms:2]\n    logicalAddresses: [SE5565594230-B9P]\n',
};

/** Every file with its size and modification time, to prove that validate writes nothing. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else out.push(`${path.relative(root, full)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(root);
  return out.sort();
}

describe('tak validate', () => {
  let clean: string;
  let broken: string;
  beforeAll(() => {
    clean = makeRepo();
    broken = makeRepo(UNKNOWN_CONSUMER);
  });
  afterAll(() => {
    removeRepo(clean);
    removeRepo(broken);
  });

  it('exits 0 on a repository without errors and says so in the summary', async () => {
    const r = await runCli(['validate', '-C', clean, '--now', '2026-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings? in 1 environment \(test\)\n$/m);
  });

  it('exits 1 with path:line:col level rule message lines when there are errors', async () => {
    const r = await runCli(['validate', '--dir', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'environments/test/connections/extra.yaml:2:5 error reference-exists consumer SE0000000000-NOPE is not a system declared under config/systems/',
    );
    expect(r.stdout).toMatch(/^1 error, /m);
  });

  it('writes the json report with findings and a summary', async () => {
    const r = await runCli(['validate', '-C', broken, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.summary.errors).toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'reference-exists', level: 'error', file: 'environments/test/connections/extra.yaml', line: 2, entity: 'SE0000000000-NOPE' }),
    );
  });

  it('writes SARIF 2.1.0 with rules and physical locations', async () => {
    const r = await runCli(['validate', '-C', broken, '-f', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain('reference-exists');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'reference-exists');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('reference-exists');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'environments/test/connections/extra.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 5 },
    });
    expect(run.tool.driver.rules[0].help.text).toBeTruthy();
  });

  it('writes a Markdown table for a pull-request comment', async () => {
    const r = await runCli(['validate', '-C', broken, '-f', 'markdown']);
    expect(r.stdout).toContain('| error | `reference-exists` | test | `environments/test/connections/extra.yaml:2` |');
  });

  it('limits the check to one environment with --env', async () => {
    const repo = makeRepo({ ...UNKNOWN_CONSUMER, 'environments/qa/environment.yaml': 'name: qa\nplatform: NTJP-QA\nstage: qa\n' });
    try {
      expect((await runCli(['validate', '-C', repo, '--env', 'qa'])).code).toBe(0);
      expect((await runCli(['validate', '-C', repo, '--env', 'test'])).code).toBe(1);
    } finally {
      removeRepo(repo);
    }
  });

  it.each([
    [['validate', '--env', 'nope'], /no environment "nope"/],
    [['validate', '--format', 'html'], /invalid/i],
    [['validate', '--now', '2026-13-45'], /not a date/],
    [['validate', '--bogus'], /unknown option/],
  ])('exits 2 on bad arguments: %j', async (args, message) => {
    const r = await runCli([...args, '-C', clean]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 2 when the folder is not a repository', async () => {
    const empty = makeRepo({}, true);
    try {
      const r = await runCli(['validate', '-C', empty]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/neither config\/ nor environments\//);
    } finally {
      removeRepo(empty);
    }
  });

  it('never writes to the repository', async () => {
    const before = snapshot(broken);
    await runCli(['validate', '-C', broken, '-f', 'sarif']);
    expect(snapshot(broken)).toEqual(before);
  });

  describe('in a git repository', () => {
    let repo: string;
    const cacheFile = () => path.join(repo, '.git', 'tak', 'parse-cache.json');
    const workingTree = () => snapshot(repo).filter((f) => !f.startsWith('.git/'));
    beforeEach(() => {
      repo = makeRepo();
      commitAll(repo);
    });
    afterEach(() => removeRepo(repo));

    it('keeps the parse in .git/tak/ for the next run, and --no-cache neither reads nor writes it', async () => {
      const files = workingTree();
      expect((await runCli(['validate', '-C', repo, '--no-cache', '--now', '2026-06-01'])).code).toBe(0);
      expect(existsSync(cacheFile())).toBe(false);
      expect((await runCli(['validate', '-C', repo, '--now', '2026-06-01'])).code).toBe(0);
      expect(existsSync(cacheFile())).toBe(true);
      expect(workingTree()).toEqual(files);

      // A declaration only the cache holds (a system HSA-id the platform refuses) proves the next run read it.
      const saved = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { values: Record<string, { value: { hsaId?: string } }> };
      const system = Object.values(saved.values).find((v) => typeof v.value.hsaId === 'string')!;
      system.value.hsaId = 'SE 9 FROM THE CACHE';
      writeFileSync(cacheFile(), JSON.stringify(saved));
      const cached = await runCli(['validate', '-C', repo, '--now', '2026-06-01']);
      expect(cached.stdout).toContain('"SE 9 FROM THE CACHE" is not a valid HSA-id');
      const fresh = await runCli(['validate', '-C', repo, '--no-cache', '--now', '2026-06-01']);
      expect(fresh.code).toBe(0);
      expect(fresh.stdout).not.toContain('FROM THE CACHE');
    });
  });
});
