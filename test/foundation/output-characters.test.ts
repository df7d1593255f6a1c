/**
 * Characters an output's format cannot carry never reach it: a URL with a control character is a
 * schema error at its line, `export vp-cache` and `synth` refuse (exit 1, nothing written) instead of
 * writing ill-formed XML, and the VP cache writer itself refuses such a value whatever the checks
 * before it said (a suppression, a caller that skipped them).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UnencodableValue } from '../../src/formats/errors';
import { writeVpCache } from '../../src/formats/vp-cache/write';
import { synthFiles } from '../../stacks/test-support';
import { runCli } from '../helpers/cli';
import { FORMS } from '../helpers/gate';
import { baseFiles, makeRepo, removeRepo } from '../helpers/minimal-repo';

const URL_LINE = '      GetForms:2: https://forms.example.se/GetForms/2';
const withUrl = (escaped: string) => ({ [FORMS]: baseFiles[FORMS].replace(URL_LINE, `      GetForms:2: "https://forms.example.se/Get${escaped}Forms/2"`) });
const CHARACTERS: [string, string][] = [['\\u0001', 'U+0001'], ['\\v', 'U+000B'], ['\\uFFFE', 'U+FFFE']];

describe('control characters in a URL', () => {
  it.each(CHARACTERS)('%s is a schema error at the URL', async (escaped, codePoint) => {
    const repo = makeRepo(withUrl(escaped));
    try {
      const r = await runCli(['validate', '-C', repo, '--now', '2026-06-01']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${FORMS}:5:19 error schema routing[0].contracts.GetForms:2 holds the control or invisible character ${codePoint}; remove it`);
    } finally {
      removeRepo(repo);
    }
  });

  it.each(CHARACTERS)('%s: export vp-cache refuses, writing nothing', async (escaped) => {
    const repo = makeRepo(withUrl(escaped));
    const out = path.join(repo, 'cache.xml');
    try {
      const r = await runCli(['export', 'vp-cache', '--env', 'test', '-C', repo, '-o', out, '--now', '2026-06-01']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^tak: environments\/test\/connections\/forms\.yaml:5: .*; nothing was exported: run tak validate and correct the declarations\n$/);
      expect(existsSync(out)).toBe(false);
    } finally {
      removeRepo(repo);
    }
  });

  it('an empty URL is a schema error at the URL, worded as such', async () => {
    const repo = makeRepo({ [FORMS]: baseFiles[FORMS].replace(URL_LINE, '      GetForms:2: ""') });
    try {
      const r = await runCli(['validate', '-C', repo, '--now', '2026-06-01']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${FORMS}:5:19 error schema routing[0].contracts.GetForms:2 must not be empty`);
    } finally {
      removeRepo(repo);
    }
  });

  it('synth refuses, writing nothing', async () => {
    const files = await synthFiles();
    const connection = 'environments/test/connections/forms.yaml';
    const repo = makeRepo({ ...files, [connection]: String(files[connection]).replace(/(GetForms:2: )(\S+)/, '$1"$2\\u000bx"') }, true);
    try {
      const r = await runCli(['synth', '--env', 'test', '-C', repo]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('holds the control or invisible character U+000B');
      expect(existsSync(path.join(repo, 'dist'))).toBe(false);
    } finally {
      removeRepo(repo);
    }
  });
});

describe('the VP cache writer', () => {
  const row = { contract: 'urn:riv:x:GetFormsResponder:2', logicalAddress: 'SE1', producer: 'SE2', profile: 'RIVTABP21', url: 'https://a.se/x' };

  it.each(['\u0001', '\u000b', '\ufffe', '\ud800'])('refuses a value holding %j, which XML cannot carry', (c) => {
    expect(() => writeVpCache({ routing: [{ ...row, url: `https://a.se/${c}x` }], authorizations: [] })).toThrow(UnencodableValue);
    expect(() => writeVpCache({ routing: [], authorizations: [{ consumer: `SE${c}3`, contract: row.contract, logicalAddress: 'SE1', filters: [] }] })).toThrow(/is not allowed in XML/);
  });

  it('writes what XML can carry, escaped', () => {
    const xml = writeVpCache({ routing: [{ ...row, url: 'https://a.se/x?a=1&b=<2>\u0085' }], authorizations: [] });
    expect(xml).toContain('<ns2:adress>https://a.se/x?a=1&amp;b=&lt;2&gt;\u0085</ns2:adress>');
  });
});
