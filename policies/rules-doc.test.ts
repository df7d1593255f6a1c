import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pack } from './pack';
import { renderRulesMarkdown } from '../src/report/rules';
import { runCli } from '../test/helpers/cli';

describe('the rule pack and its documentation', () => {
  it('policies/RULES.md is what `npm run rules:doc` generates from the pack', () => {
    const written = readFileSync(path.join(__dirname, 'RULES.md'), 'utf8');
    const stale = written !== renderRulesMarkdown(pack);
    if (stale) throw new Error('policies/RULES.md is stale: run `npm run rules:doc` and commit it');
  });

  it('names every rule after its file, once', () => {
    const ids = pack.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !existsSync(path.join(__dirname, `${id}.ts`)))).toEqual([]);
  });

  it('tak rules prints id, level per stage and explanation, as text, markdown or json', async () => {
    const text = await runCli(['rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^wildcard-approval\s+warning\s+warning\s+error\s+Routing or authorization on \* or SE/m);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout);
    expect(json).toContainEqual({ id: 'no-any-address', levels: { test: 'warning', qa: 'warning', prod: 'error' }, suppressible: ['test', 'qa'], explanation: expect.stringContaining('0.0.0.0/0') });
    expect(json).toHaveLength(pack.length);
    expect((await runCli(['rules', '-f', 'markdown'])).stdout).toBe(renderRulesMarkdown(pack));
  });
});
