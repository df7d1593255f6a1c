/**
 * The fast reader must agree with the `yaml` package on everything it reads (value and every
 * position), leave everything else to it, and read the way declarations are actually written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument } from 'yaml';
import { MAX_DEPTH, readEventYaml } from './event-yaml';
import type { Locator, PathSegment } from './locator';
import { parseYaml } from './yaml';
import { MAX_ALIASES, yamlLocator } from './yaml-package';

function reference(text: string): { value: unknown; locator: Locator } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), locator: yamlLocator('f.yaml', doc, lines) };
}

/** Every path into the value, and for objects their keys. */
function* paths(value: unknown, at: PathSegment[] = []): Generator<{ path: PathSegment[]; key?: string }> {
  yield { path: at };
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...at, i]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield { path: at, key: k };
      yield* paths(v, [...at, k]);
    }
  }
}

/** 'declined' or 'too deep', or 'same' after checking value and positions against `yaml` (else it throws). */
function compare(text: string): 'declined' | 'too deep' | 'same' {
  const fast = readEventYaml('f.yaml', text);
  if (fast === 'declined') return 'declined';
  if (fast.kind === 'too-deep') return 'too deep';
  const full = reference(text);
  if (!full) throw new Error(`read what the yaml package refuses:\n${JSON.stringify(text)}`);
  const differences: string[] = [];
  const check = (what: string, a: unknown, b: unknown) => {
    if (!isDeepStrictEqual(a, b)) differences.push(`${what}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  };
  check('value', fast.value, full.value);
  for (const { path: p, key } of paths(full.value)) {
    const where = JSON.stringify(p);
    if (key === undefined) {
      for (const q of [p, [...p, 'missing', 3], [...p, 99]]) check(`locate ${JSON.stringify(q)}`, fast.locator.locate(q), full.locator.locate(q));
    } else {
      for (const k of [key, 'missing']) check(`locateKey ${where} ${k}`, fast.locator.locateKey(p, k), full.locator.locateKey(p, k));
    }
  }
  if (differences.length > 0) throw new Error(`differs from the yaml package on:\n${JSON.stringify(text)}\n${differences.slice(0, 5).join('\n')}`);
  return 'same';
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const root = path.join(__dirname, '..', '..');
const shipped = [...yamlFilesUnder(path.join(root, 'config')), ...yamlFilesUnder(path.join(root, 'environments'))];

/** White space and line breaks of Unicode that YAML does not treat as such (or treats only in places). */
const UNICODE_SPACES = ['\u00a0', '\u2028', '\u2029', '\u0085', '\u3000', '\u2003', '\u200b', '\ufeff', '\u000b', '\u000c', '\t', '\r', '\r\n'];

describe('readEventYaml', () => {
  it('reads every shipped declaration itself, exactly as the yaml package does', () => {
    expect(shipped.length).toBeGreaterThan(5);
    for (const file of shipped) expect([file, compare(readFileSync(file, 'utf8'))]).toEqual([file, 'same']);
  });

  it.each([
    ['block maps, sequences and comments', '# head\nname: test # trailing\nlist:\n  - a\n  - b#c\n  - "q # not a comment"\nnested:\n  deeper: { x: 1, y: [a, "b", \'c\'\'d\'] }\n'],
    ['a sequence at its key\'s indentation', 'key:\n- a\n- b\nnext: 1\n'],
    ['mappings inside sequence items', 'routing:\n  - producer: SE1\n    contracts:\n      GetForms:2: https://x.example.se/a?b=1&c=2\n    logicalAddresses: [SE1, SE2]\n  - producer: SE3\n    logicalAddresses:\n      - SE4\n'],
    ['scalars of the core schema', 'a: 1\nb: -0\nc: +12\nd: true\nd2: True\ne: False\nf: ~\ng: NULL\nh: 2025-01-01\ni: "01"\nj: 1e\nk: -abc\nl: a:b\nm: []\nn: {}\no: 1.5\np: 0o17\nq: 0x1F\nr: .inf\ns: -.Inf\nt: 1e3\nu: 012\n'],
    ['a sequence at the root', '- 1\n- { a: b }\n- [x]\n'],
    ['a block at the root indented', '  a: 1\n  b: 2\n'],
    ['escapes in double quotes', 'a: "tab\\tnew\\nline \\u00e5 \\" \\\\ \\/ \\x41 \\e \\N \\_"\n'],
    ['quoted keys', '"a": 1\n\'b c\': 2\n'],
    ['tabs and CRLF line ends', 'a:\t1\r\nb: [x, y]\r\n'],
    ['a document marker', '---\na: 1\n...\n'],
    ['a flow collection over several lines', 'a: [1,\n  2]\nb: { c: d,\n  e: f }\n'],
    ['multi-line scalars', 'a: one\n  two\nb: "x\n  y"\nc: \'p\n\n  q\'\n'],
    ['a trailing comma in a flow collection', 'a: [1, 2,]\n'],
    ['Unicode text', 'name: Region Västra Götaland, 北京 🙂\n'],
  ])('agrees with the yaml package: %s', (_name, text) => {
    expect(compare(text)).toBe('same');
  });

  it.each(UNICODE_SPACES.map((u) => [JSON.stringify(u), u]))('agrees with the yaml package around %s', (_name, u) => {
    const texts = [
      `a: TRUE${u}\n`,
      `a: 1${u}\n`,
      `a: ${u}1\n`,
      `a: x${u}y\n`,
      `a: [1${u}, b${u}]\n`,
      `a${u}: 1\n`,
      `a:${u}1\n`,
      `- null${u}\n`,
      `a: "x${u}"\n`,
      `a: 'x${u}'\n`,
      `a: x ${u}# c\n`,
      `${u}a: 1\n`,
    ];
    for (const text of texts) compare(text);
  });

  it('reads a value that ends in a Unicode space or line separator as the string it is', () => {
    expect(parseYaml('f.yaml', 'a: TRUE\u00a0\n').value).toEqual({ a: 'TRUE\u00a0' });
    expect(parseYaml('f.yaml', 'a: 1\u2028\n').value).toEqual({ a: '1\u2028' });
    expect(parseYaml('f.yaml', 'a: [1\u2029, x\u3000]\n').value).toEqual({ a: ['1\u2029', 'x\u3000'] });
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an unknown tag', 'a: !evil x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['a key that is not a string', 'true: 1\n'],
    ['a null key', 'null: 1\n'],
    ['a complex key', '? [a]\n: 1\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['only comments', '# nothing\n'],
    ['a wrong indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a syntax error', 'a: [1, #x\n'],
    ['a carriage return without a line feed', 'a: x \r# c\n'],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(readEventYaml('f.yaml', text)).toBe('declined');
  });

  it.each([
    ['flow sequences', 'routing: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n', 1],
    ['flow mappings', '{a: '.repeat(10000) + '\n', 1],
    ['block mappings', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n', MAX_DEPTH + 1],
  ])('refuses nesting deeper than the limit in %s, at the level that goes too deep', (_name, text, line) => {
    const result = parseYaml('f.yaml', text);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0].message).toMatch(/nested more than \d+ levels deep/);
    expect(result.diagnostics[0].location.line).toBeGreaterThanOrEqual(line - 1);
    expect(result.diagnostics[0].location.line).toBeLessThanOrEqual(line);
  });

  it('reads nesting up to the limit', () => {
    const text = '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + '\n';
    expect(compare(text)).toBe('same');
  });

  it('on random edits of real declarations, with Unicode white space among them, never disagrees with the yaml package', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = [' ', '  ', ':', ': ', '-', '- ', '#', ' #', '[', ']', '{', '}', ',', '"', "'", '\n', '&', '*', '!', '|', '>', '?', '0', 'x', '\\', ...UNICODE_SPACES];
    const texts = shipped.map((f) => readFileSync(f, 'utf8'));
    let accepted = 0;
    for (let round = 0; round < 1000; round++) {
      let text = texts[round % texts.length];
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const cut = random() < 0.5 ? Math.floor(random() * 3) : 0;
        text = text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at + cut);
      }
      if (compare(text) === 'same') accepted++;
    }
    expect(accepted).toBeGreaterThan(200);
  });
});
