/**
 * A user's value never becomes structure in a report: names and organisations with HTML, mentions,
 * headings and table pipes are shown, not rendered, in every Markdown report; a line break in a
 * value cannot split a text finding (and fake a summary line); control characters in names are a
 * schema error; SARIF URIs are percent-encoded.
 */
import { runCli } from '../helpers/cli';
import { baseFiles, makeRepo, PRODUCER, removeRepo } from '../helpers/minimal-repo';
import { commitAll } from '../plan/git';
import { escape } from '../../src/report/escape';
import { renderSarif } from '../../src/report/validate-sarif';
import { pack } from '../../policies/pack';

const NOW = ['--now', '2026-06-01'];
const HOSTILE = ['</details>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '@vendor/attacker', '@mallory', '# Approved', '| ok |', '[click](https://evil.example)', '**bold**'];
const NAME = HOSTILE.join(' ');
const SYSTEM = 'config/systems/hostile.yaml';
const hostileSystem = (name: string) =>
  `hsaId: SE5565594230-EVL\nname: ${JSON.stringify(name)}\norganisation: ${JSON.stringify(`Org ${name}`)}\nenvironments:\n  test:\n    sourceAddresses: [203.0.113.11/32]\n`;
/** The authorization makes the new system take part in test, so the plan names it. */
const CONNECTION = { 'environments/test/connections/evil.yaml': `authorizations:\n  - consumer: SE5565594230-EVL\n    contracts: [GetForms:2]\n    logicalAddresses: [${PRODUCER}]\n` };

/** Every hostile string must be absent from a rendered Markdown report, whatever its form. */
function expectInert(markdown: string): void {
  for (const raw of HOSTILE) expect(markdown).not.toContain(raw);
  expect(markdown).not.toMatch(/<(?!\/?(details|summary)>)[a-z/]/i);
  expect(markdown).not.toMatch(/@(?!&#8203;)[a-z]/i);
  expect(markdown).not.toMatch(/^#+ Approved/m);
}

describe('the escaping function', () => {
  it('shows control characters in text, so a value stays on its line', () => {
    expect(escape('a\nb\tc\u0001d\u2028e\u202ef', 'text')).toBe('a\\nb\\tc\\u{1}d\\u{2028}e\\u{202e}f');
  });

  it('makes Markdown and HTML characters literal, and breaks mentions', () => {
    expect(escape('</details> @team # x | y', 'markdown')).toBe('&#60;/details&#62; &#64;&#8203;team &#35; x &#124; y');
    expect(escape('- list', 'markdown')).toBe('&#45; list');
    expect(escape('1. list', 'markdown')).toBe('&#49;. list');
    expect(escape('plain SE5565594230-B9P text', 'markdown')).toBe('plain SE5565594230-B9P text');
  });

  it('keeps a code span closed and a table cell whole', () => {
    expect(escape('a`b|c\nd', 'code')).toBe("a'b\\|c\\nd");
  });
});

describe('reports with hostile names', () => {
  let root: string;
  beforeAll(() => {
    root = makeRepo();
    commitAll(root);
    const head = makeRepo({ [SYSTEM]: hostileSystem(NAME), ...CONNECTION });
    require('node:fs').cpSync(head, root, { recursive: true });
    removeRepo(head);
  });
  afterAll(() => removeRepo(root));

  it('the plan comment shows them without rendering them', async () => {
    const r = await runCli(['plan', '--base', 'main', '-C', root, '-f', 'markdown', ...NOW]);
    expect(r.stdout).toContain('&#60;/details&#62;');
    expectInert(r.stdout);
  });

  it('the plan in the terminal shows them on their own line', async () => {
    const r = await runCli(['plan', '--base', 'main', '-C', root, ...NOW]);
    expect(r.stdout.split('\n').filter((l) => l.includes('SE5565594230-EVL (</details>'))).toHaveLength(1);
  });

  it('the validate comment shows a hostile key and file name without rendering them', async () => {
    const repo = makeRepo({ [`config/systems/${'@mallory <b>|x'}.yaml`]: `${hostileSystem('ok')}"${NAME}": 1\n`.replace('EVL', 'EVM') });
    try {
      const r = await runCli(['validate', '-C', repo, '-f', 'markdown', ...NOW]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('&#60;script&#62;');
      expect(r.stdout).toContain('config/systems/@mallory <b>\\|x.yaml');
      expectInert(r.stdout.replace(/`[^`]*`/g, ''));
    } finally {
      removeRepo(repo);
    }
  });
});

describe('line breaks and control characters', () => {
  it('a line break in a value cannot fake a summary line of the text report', async () => {
    const repo = makeRepo({ 'config/systems/producer.yaml': `${baseFiles['config/systems/producer.yaml']}"x\\n0 errors, 0 warnings in 1 environment (test)": 1\n` });
    try {
      const r = await runCli(['validate', '-C', repo, ...NOW]);
      expect(r.code).toBe(1);
      // The consumer of the minimal repository declares no certificate in test: a warning, beside the point here.
      const lines = r.stdout.trimEnd().split('\n').filter((l) => !l.includes(' consumer-certificate '));
      // The broken file does not load, so its system is also missing: two findings, one summary.
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain('unknown key "x\\n0 errors, 0 warnings in 1 environment (test)"');
      expect(lines.filter((l) => /^\d+ errors?, /.test(l))).toEqual(['2 errors, 1 warning in 1 environment (test)']);
    } finally {
      removeRepo(repo);
    }
  });

  it.each([
    ['name', 'Forms\\nmotor'],
    ['name', 'Forms\\u0001'],
    ['organisation', 'Inera\\u202e AB'],
    // A line separator in an HSA-id is real catalog data: it loads, and hsa-id-syntax reports it.
    ['hsaId', 'SE5565594230\\u0001-B9P'],
  ])('%s with a control character is a schema error', async (key, value) => {
    const file = 'config/systems/producer.yaml';
    const repo = makeRepo({ [file]: baseFiles[file].replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: "${value}"`) });
    try {
      const r = await runCli(['validate', '-C', repo, '-f', 'json', ...NOW]);
      const schema = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'schema');
      expect(schema).toEqual([expect.objectContaining({ file, message: expect.stringMatching(new RegExp(`^${key} holds the control or invisible character U\\+`)) })]);
    } finally {
      removeRepo(repo);
    }
  });
});

describe('SARIF', () => {
  it('percent-encodes the file URI', () => {
    const finding = { rule: 'schema', level: 'error' as const, message: 'm', env: 'test', location: { file: 'environments/test/form interaction #1 100%.yaml', line: 1 } };
    const sarif = JSON.parse(renderSarif({ findings: [finding], summary: { errors: 1, warnings: 0, suppressed: 0 } }, pack, '0'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('environments/test/form%20interaction%20%231%20100%25.yaml');
  });
});
