import { runCli } from '../helpers/cli';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';
import { compliant, connectionYaml } from '../helpers/repo';
import { commitAll } from '../plan/git';

describe('suppressed findings in every report format', () => {
  let root: string;
  beforeAll(async () => {
    const { files } = await compliant();
    const qa = connectionYaml('qa', {
      contracts: ['GetForms:2', 'GetForm:2'],
      tail: ['suppressions:', '  - { rule: promotion, reason: Hotfix ordered directly in qa, ticket: INC-4711, expires: 2026-12-31 }'],
    });
    root = makeRepo({ ...files, 'environments/qa/connections/forms.yaml': qa }, true);
  });
  afterAll(() => removeRepo(root));

  const run = (format: string) => runCli(['validate', '-C', root, '--now', '2026-06-01', '-f', format]);

  it('text: marked suppressed, with reason and ticket; they do not fail the run', async () => {
    const r = await run('text');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/forms\.yaml:8:18 suppressed promotion .*\(suppressed: Hotfix ordered directly in qa, INC-4711\)/);
    expect(r.stdout).toContain('0 errors, 0 warnings, 2 suppressed');
  });

  it('json: a suppressed object with reason, ticket and the suppression’s place', async () => {
    const report = JSON.parse((await run('json')).stdout);
    const suppressed = report.findings.filter((f: { suppressed?: unknown }) => f.suppressed);
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0].suppressed).toEqual({ reason: 'Hotfix ordered directly in qa', ticket: 'INC-4711', file: 'environments/qa/connections/forms.yaml', line: 15 });
  });

  it('sarif: an in-source suppression with the justification', async () => {
    const sarif = JSON.parse((await run('sarif')).stdout);
    const results = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'promotion');
    expect(results[0].suppressions).toEqual([{ kind: 'inSource', justification: 'Hotfix ordered directly in qa (INC-4711)' }]);
  });

  it('markdown: a folded table of suppressed findings with their reasons', async () => {
    const md = (await run('markdown')).stdout;
    expect(md).toContain('<summary>Suppressed findings</summary>');
    expect(md).toMatch(/\| `promotion` \| `environments\/qa\/connections\/forms.yaml:8` \| .* \| Hotfix ordered directly in qa \(INC-4711\) \|/);
  });

  it('plan markdown: the same folded table under the plan', async () => {
    commitAll(root);
    const r = await runCli(['plan', '-C', root, '--base', 'HEAD', '--now', '2026-06-01', '-f', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<summary>Suppressed findings</summary>');
    expect(r.stdout).toMatch(/\| `promotion` \| `environments\/qa\/connections\/forms.yaml:8` \| .* \| Hotfix ordered directly in qa \(INC-4711\) \|/);
  });
});
