/**
 * The fast reader must agree with the full parser on everything it accepts (value and every
 * position), decline everything else, and accept the way declarations are actually written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument } from 'yaml';
import { yamlLocator, type Locator, type PathSegment } from './locator';
import { readPlainYaml } from './plain-yaml';
import { MAX_ALIASES } from './yaml';

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

/** 'declined', or 'same' after checking value and positions against the full parser (else it throws). */
function compare(text: string): 'declined' | 'same' {
  const fast = readPlainYaml('f.yaml', text);
  if (!fast) return 'declined';
  const full = reference(text);
  if (!full) throw new Error(`accepted what the full parser refuses:\n${text}`);
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
  if (differences.length > 0) throw new Error(`differs from the full parser on:\n${text}\n${differences.slice(0, 5).join('\n')}`);
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

describe('readPlainYaml', () => {
  it('reads every shipped declaration itself, exactly as the full parser does', () => {
    expect(shipped.length).toBeGreaterThan(5);
    for (const file of shipped) expect([file, compare(readFileSync(file, 'utf8'))]).toEqual([file, 'same']);
  });

  it.each([
    ['block maps, sequences and comments', '# head\nname: test # trailing\nlist:\n  - a\n  - b#c\n  - "q # not a comment"\nnested:\n  deeper: { x: 1, y: [a, "b", \'c\'\'d\'] }\n'],
    ['a sequence at its key\'s indentation', 'key:\n- a\n- b\nnext: 1\n'],
    ['mappings inside sequence items', 'routing:\n  - producer: SE1\n    contracts:\n      GetForms:2: https://x.example.se/a?b=1&c=2\n    logicalAddresses: [SE1, SE2]\n  - producer: SE3\n    logicalAddresses:\n      - SE4\n'],
    ['scalars of the core schema', 'a: 1\nb: -0\nc: +12\nd: true\nd2: True\ne: False\nf: ~\ng: NULL\nh: 2025-01-01\ni: "01"\nj: 1e\nk: -abc\nl: a:b\nm: []\nn: {}\n'],
    ['a sequence at the root', '- 1\n- { a: b }\n- [x]\n'],
    ['a block at the root indented', '  a: 1\n  b: 2\n'],
    ['JSON escapes in double quotes', 'a: "tab\\tnew\\nline \\u00e5 \\" \\\\ \\/"\n'],
  ])('agrees with the full parser: %s', (_name, text) => {
    expect(compare(text)).toBe('same');
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['tabs', 'a:\t1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a document marker', '---\na: 1\n'],
    ['YAML-only escapes', 'a: "\\x41"\n'],
    ['a flow collection over several lines', 'a: [1,\n  2]\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['floats, octal and hex', 'a: 1.5\n'],
    ['a quoted key', '"a": 1\n'],
    ['a special key', 'true: 1\n'],
    ['a nested mapping in a compact one', 'a: b: c\n'],
    ['only comments', '# nothing\n'],
    ['a wrong indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a nested sequence item', '- - a\n'],
    ['a comment inside a flow collection', 'a: [1, #x\n'],
  ])('declines %s', (_name, text) => {
    expect(readPlainYaml('f.yaml', text)).toBeUndefined();
  });

  it('on random edits of real declarations, either declines or agrees with the full parser', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = [' ', '  ', ':', ': ', '-', '- ', '#', ' #', '[', ']', '{', '}', ',', '"', "'", '\n', '&', '*', '!', '|', '>', '?', '0', 'x', '\\'];
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
    expect(accepted).toBeGreaterThan(100);
  });
});
