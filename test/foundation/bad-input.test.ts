/**
 * Every kind of bad input gives one located `schema` finding, and the rest of the repository is
 * still checked (the base repository's connection stays resolved; another broken file is still found).
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/load/decode';
import { readWorkingTree } from '../../src/pipeline';
import { makeRepo, removeRepo, validateRepo } from '../helpers/minimal-repo';

const OTHER_BROKEN = { 'config/systems/other.yaml': 'hsaId: SE1\nname: x\norganisation: y\ncolour: red\n' };

async function schemaFindings(files: Record<string, string | Buffer>, setup?: (root: string) => void) {
  const root = makeRepo({ ...OTHER_BROKEN, ...files });
  try {
    setup?.(root);
    const result = await validateRepo(root);
    const schema = result.findings.filter((f) => f.rule === 'schema');
    const state = (await readWorkingTree(root)).environments.get('test')!;
    return { schema, routing: state.routing.length, other: schema.filter((f) => f.location.file === 'config/systems/other.yaml') };
  } finally {
    removeRepo(root);
  }
}

function expectOneAt(findings: { location: { file: string; line: number } }[], file: string, line?: number) {
  const here = findings.filter((f) => f.location.file === file);
  expect(here).toHaveLength(1);
  if (line !== undefined) expect(here[0].location.line).toBe(line);
  return here[0] as { message: string; location: { file: string; line: number; col?: number } };
}

describe('bad input', () => {
  it('reports malformed YAML at the parser line and column', async () => {
    const r = await schemaFindings({ 'config/systems/bad.yaml': 'hsaId: SE1\nname: [unclosed\norganisation: x\n' });
    const f = expectOneAt(r.schema, 'config/systems/bad.yaml');
    expect(f.message).toMatch(/^YAML: /);
    expect(f.location.line).toBeGreaterThanOrEqual(2);
    expect(r.other).toHaveLength(1);
    expect(r.routing).toBe(1);
  });

  it('reports a wrong type at the value', async () => {
    const r = await schemaFindings({
      'config/systems/bad.yaml': 'hsaId: SE1\nname: x\norganisation: y\nenvironments:\n  test:\n    endpoints:\n      - { host: a.se, port: "443", addresses: [192.0.2.1/32] }\n',
    });
    const f = expectOneAt(r.schema, 'config/systems/bad.yaml', 7);
    expect(f.message).toContain('environments.test.endpoints[0].port');
    expect(f.message).toContain('must be a number, not string');
  });

  it('reports an unknown key at the key, with the entity', async () => {
    const r = await schemaFindings({ 'config/systems/bad.yaml': 'hsaId: SE9\nname: x\norganisation: y\nowner: [a]\n' });
    const f = expectOneAt(r.schema, 'config/systems/bad.yaml', 4) as { message: string; entity?: string };
    expect(f.message).toBe('unknown key "owner"; check the spelling or remove it');
    expect(f.entity).toBe('SE9');
  });

  it('reports a duplicate key at the second occurrence', async () => {
    const r = await schemaFindings({ 'config/systems/bad.yaml': 'hsaId: SE1\nname: x\nhsaId: SE2\norganisation: y\n' });
    expect(expectOneAt(r.schema, 'config/systems/bad.yaml', 3).message).toMatch(/unique/);
  });

  it('refuses a YAML alias bomb without expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [n, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
      bomb.push(`${n}: &${n} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const r = await schemaFindings({ 'config/systems/bomb.yaml': bomb.join('\n') + '\n' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(expectOneAt(r.schema, 'config/systems/bomb.yaml').message).toMatch(/aliases expand too far/);
  });

  it('reports nesting too deep for any parser as one finding per file, without exhausting the stack', async () => {
    const deep = {
      'environments/test/connections/flow-sequences.yaml': 'routing: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n',
      'environments/test/connections/flow-mappings.yaml': '{a: '.repeat(10000) + '\n',
      'environments/test/connections/block-mappings.yaml': Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
    };
    const r = await schemaFindings(deep);
    for (const file of Object.keys(deep)) expect(expectOneAt(r.schema, file).message).toMatch(/nested more than \d+ levels deep/);
    expect(r.schema.some((f) => /call stack/.test(f.message))).toBe(false);
    expect(r.other).toHaveLength(1);
    expect(r.routing).toBe(1);
  });

  it('reports an empty file', async () => {
    const r = await schemaFindings({ 'environments/test/connections/empty.yaml': '  \n' });
    expect(expectOneAt(r.schema, 'environments/test/connections/empty.yaml', 1).message).toMatch(/is empty/);
    expect(r.routing).toBe(1);
  });

  it('reports a binary file', async () => {
    const r = await schemaFindings({ 'config/systems/logo.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) });
    expect(expectOneAt(r.schema, 'config/systems/logo.yaml').message).toMatch(/binary/);
  });

  it('reports a file that is not UTF-8', async () => {
    const r = await schemaFindings({ 'config/systems/latin1.yaml': Buffer.from('name: Formul\xe4rmotorn\n', 'latin1') });
    expect(expectOneAt(r.schema, 'config/systems/latin1.yaml').message).toMatch(/not valid UTF-8/);
  });

  it('reports a file over the size limit without reading it as text', async () => {
    const r = await schemaFindings({}, (root) =>
      writeFileSync(path.join(root, 'config/systems/huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20)),
    );
    expect(expectOneAt(r.schema, 'config/systems/huge.yaml').message).toMatch(/over the limit/);
  });

  it('refuses a symbolic link that leads out of the repository', async () => {
    const outside = makeRepo({ 'secret.yaml': 'hsaId: SE1\nname: x\norganisation: y\n' }, true);
    try {
      const r = await schemaFindings({}, (root) =>
        symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'config/systems/linked.yaml')),
      );
      expect(expectOneAt(r.schema, 'config/systems/linked.yaml').message).toMatch(/outside the repository/);
    } finally {
      removeRepo(outside);
    }
  });

  it('follows a symbolic link that stays inside the repository', async () => {
    const r = await schemaFindings({ 'shared/producer.yaml': 'hsaId: SE7\nname: x\norganisation: y\n' }, (root) =>
      symlinkSync(path.join(root, 'shared/producer.yaml'), path.join(root, 'config/systems/linked.yaml')),
    );
    expect(r.schema.filter((f) => f.location.file === 'config/systems/linked.yaml')).toHaveLength(0);
  });

  it('reports a TypeScript declaration that throws on import', async () => {
    const r = await schemaFindings({ 'environments/test/connections/broken.ts': 'throw new Error("no CSV here");\n' });
    expect(expectOneAt(r.schema, 'environments/test/connections/broken.ts').message).toMatch(/failed when imported: no CSV here/);
    expect(r.routing).toBe(1);
  });

  it('reports a TypeScript declaration without a default export', async () => {
    const r = await schemaFindings({ 'environments/test/connections/named.ts': 'export const connection = {};\n' });
    expect(expectOneAt(r.schema, 'environments/test/connections/named.ts').message).toMatch(/no default export/);
  });

  it('tells the author to quote identifiers that YAML reads as numbers', async () => {
    const r = await schemaFindings({
      'config/logical-addresses/counties.yaml': 'logicalAddresses:\n  - { hsaId: 01, description: Stockholm }\n',
    });
    expect(expectOneAt(r.schema, 'config/logical-addresses/counties.yaml', 2).message).toMatch(/put it in quotes/);
  });

  it('reports a declaration file in no known place', async () => {
    const r = await schemaFindings({ 'config/sytems/typo.yaml': 'hsaId: SE1\n' });
    expect(expectOneAt(r.schema, 'config/sytems/typo.yaml').message).toMatch(/not in a known place/);
  });
});

describe('YAML tags', () => {
  it.each([
    ['!evil', 'name: !evil x\n', '!evil'],
    ['!!js/function', 'name: !!js/function "function () { return 1 }"\n', '!!js/function'],
  ])('reports the unknown tag %s at its place', async (_, line, tag) => {
    const r = await schemaFindings({ 'config/systems/bad.yaml': `hsaId: SE1\norganisation: y\n${line}` });
    const f = expectOneAt(r.schema, 'config/systems/bad.yaml', 3);
    expect(f.message).toBe(`YAML: unknown tag ${tag}; a declaration holds plain values only: remove the tag`);
    expect(f.location.col).toBe(7);
    expect(r.other).toHaveLength(1);
  });

  it('accepts the tags of the YAML schema', async () => {
    const r = await schemaFindings({ 'config/systems/ok.yaml': 'hsaId: !!str SE5565594230-OK1\nname: x\norganisation: y\n' });
    expect(r.schema.filter((f) => f.location.file === 'config/systems/ok.yaml')).toEqual([]);
  });
});
