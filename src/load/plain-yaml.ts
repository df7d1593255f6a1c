/**
 * A fast reader for the plain subset of YAML that declarations are written in: block mappings and
 * sequences, one-line flow collections, plain and one-line quoted scalars, comments. For anything
 * else (anchors, tags, block or multi-line scalars, empty values, tabs, duplicate keys, any error)
 * it returns undefined and the caller uses the full parser, which also words every error. For what
 * it accepts it gives what `yaml` gives (core schema): the same value and the same positions
 * (`plain-yaml.test.ts` compares the two).
 * Why it exists: the full parser spends 20 to 140 µs per line, most of a large repository's
 * validation; this reader needs about one.
 */
import type { Location } from '../model/diagnostics';
import type { Locator, PathSegment } from './locator';

/** A position packed into one number: line * COL + col (both 1-based). */
type Pos = number;
const COL = 2 ** 21;

interface MapPositions {
  at: Pos;
  keys: Map<string, Pos>;
  values: Map<string, Node>;
}
interface SeqPositions {
  at: Pos;
  items: Node[];
}
/** Positions of a container, or of a scalar (a bare number). */
type Node = MapPositions | SeqPositions | Pos;

/** Thrown (one shared instance, no stack) when the input leaves the subset. */
const DECLINE = { decline: true };

interface Line {
  no: number;
  /** Column (0-based) where this line's content starts; moved for `- key: value` items. */
  indent: number;
  text: string;
}

/** The parsed value and a locator over it, or undefined when the full parser must read the text. */
export function readPlainYaml(file: string, text: string): { value: unknown; locator: Locator } | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  try {
    const reader = new Reader(contentLines(text));
    const [value, root] = reader.document();
    return { value, locator: positionLocator(file, root) };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    let c = 0;
    while (t.charCodeAt(c) === 32) c++;
    if (c === t.length || t[c] === '#') continue;
    if (t.length >= COL) throw DECLINE;
    lines.push({ no: i + 1, indent: c, text: t });
  }
  return lines;
}

const pos = (line: number, col0: number): Pos => line * COL + col0 + 1;

/** Keys of the subset: identifiers, contract names (`GetForms:2`), namespaces; never core-schema specials. */
const KEY = /^[A-Za-z_][A-Za-z0-9_.\/-]*(?::[A-Za-z0-9_.\/-]+)*$/;
const SPECIAL_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|__proto__)$/;
/** Characters that may not start a plain scalar (or that this reader leaves to the full parser). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Core-schema numbers other than decimal integers: left to the full parser. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const INT = /^[-+]?[0-9]+$/;
/** After a value: nothing, or a comment separated by white space. */
const REST = /^(?: +#.*| *)$/;

class Reader {
  private i = 0;

  constructor(private lines: Line[]) {}

  document(): [unknown, Node] {
    if (this.lines.length === 0) throw DECLINE;
    const first = this.lines[0];
    if (first.text.startsWith('---') || first.text.startsWith('...')) throw DECLINE;
    const result = this.block(first.indent);
    if (this.i < this.lines.length) throw DECLINE;
    return result;
  }

  private block(indent: number): [unknown, Node] {
    return isSeqItem(this.lines[this.i]) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): [unknown[], SeqPositions] {
    const out: unknown[] = [];
    const positions: SeqPositions = { at: pos(this.lines[this.i].no, indent), items: [] };
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent !== indent || !isSeqItem(line)) break;
      const t = line.text;
      let c = indent + 1;
      while (t.charCodeAt(c) === 32) c++;
      if (c === t.length || t[c] === '#' || isSeqItemAt(t, c)) throw DECLINE;
      if (keySeparator(t, c) > 0) {
        // `- key: value` starts a mapping at the key's column.
        this.lines[this.i] = { no: line.no, indent: c, text: t };
        const [value, node] = this.mapping(c);
        out.push(value);
        positions.items.push(node);
      } else {
        const [value, node] = inline(t, c, line.no);
        out.push(value);
        positions.items.push(node);
        this.i++;
      }
    }
    this.endOfBlock(indent);
    return [out, positions];
  }

  private mapping(indent: number): [Record<string, unknown>, MapPositions] {
    const out: Record<string, unknown> = {};
    const positions: MapPositions = { at: pos(this.lines[this.i].no, indent), keys: new Map(), values: new Map() };
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent !== indent) break;
      const t = line.text;
      const sep = keySeparator(t, indent);
      if (sep < 0) throw DECLINE;
      const key = t.slice(indent, sep);
      if (Object.prototype.hasOwnProperty.call(out, key)) throw DECLINE;
      let c = sep + 1;
      while (t.charCodeAt(c) === 32) c++;
      let value: unknown;
      let node: Node;
      this.i++;
      if (c === t.length || t[c] === '#') [value, node] = this.nested(indent);
      else [value, node] = inline(t, c, line.no);
      out[key] = value;
      positions.keys.set(key, pos(line.no, indent));
      positions.values.set(key, node);
    }
    this.endOfBlock(indent);
    return [out, positions];
  }

  /** The block value of `key:`: deeper lines, or a sequence at the key's own indentation. */
  private nested(indent: number): [unknown, Node] {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return this.block(next.indent);
    if (next && next.indent === indent && isSeqItem(next)) return this.sequence(indent);
    throw DECLINE; // an empty value: rare, and its position is the full parser's business
  }

  /** A block ends at a shallower line; a deeper one left over is a continuation this reader does not take. */
  private endOfBlock(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) throw DECLINE;
  }
}

function isSeqItem(line: Line): boolean {
  return isSeqItemAt(line.text, line.indent);
}

function isSeqItemAt(t: string, c: number): boolean {
  return t.charCodeAt(c) === 45 /* - */ && (c + 1 === t.length || t.charCodeAt(c + 1) === 32);
}

/** The index of the `:` that ends a block key starting at `c`, or -1 when the line is no `key: ...`. */
function keySeparator(t: string, c: number): number {
  for (let j = c; j < t.length; j++) {
    const ch = t.charCodeAt(j);
    if (ch === 58 /* : */ && (j + 1 === t.length || t.charCodeAt(j + 1) === 32)) {
      const key = t.slice(c, j);
      return KEY.test(key) && !SPECIAL_KEY.test(key) ? j : -1;
    }
    if (ch === 32) return -1;
  }
  return -1;
}

/** A value that starts at `c` and ends with its line. */
function inline(t: string, c: number, no: number): [unknown, Node] {
  const ch = t[c];
  if (ch === '[' || ch === '{' || ch === '"' || ch === "'") {
    const [value, node, end] = flowValue(t, c, no);
    if (!REST.test(t.slice(end))) throw DECLINE;
    return [value, node];
  }
  const hash = t.indexOf(' #', c);
  const raw = t.slice(c, hash < 0 ? t.length : hash).trimEnd();
  if (raw.includes(': ') || raw.endsWith(':')) throw DECLINE;
  return [plain(raw), pos(no, c)];
}

/** A plain scalar resolved as the core schema does; anything but text, integers, booleans and null is declined. */
function plain(raw: string): unknown {
  if (raw === '' || (INDICATOR.test(raw) && !(raw[0] === '-' && raw.length > 1 && raw[1] !== ' '))) throw DECLINE;
  if (raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return null;
  if (raw === 'true' || raw === 'True' || raw === 'TRUE') return true;
  if (raw === 'false' || raw === 'False' || raw === 'FALSE') return false;
  if (INT.test(raw)) return parseInt(raw, 10);
  if (OTHER_NUMBER.test(raw)) throw DECLINE;
  return raw;
}

/** A flow collection or quoted scalar at `c`; returns the index just past it. */
function flowValue(t: string, c: number, no: number): [unknown, Node, number] {
  const ch = t[c];
  if (ch === '"') {
    let j = c + 1;
    while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
    if (j >= t.length) throw DECLINE;
    let value: string;
    try {
      value = JSON.parse(t.slice(c, j + 1)) as string;
    } catch {
      throw DECLINE; // YAML-only escapes (\x, \e, \N ...) and raw control characters
    }
    return [value, pos(no, c), j + 1];
  }
  if (ch === "'") {
    let j = c + 1;
    for (;;) {
      j = t.indexOf("'", j);
      if (j < 0) throw DECLINE;
      if (t[j + 1] !== "'") break;
      j += 2;
    }
    return [t.slice(c + 1, j).replace(/''/g, "'"), pos(no, c), j + 1];
  }
  if (ch === '[') return flowSequence(t, c, no);
  if (ch === '{') return flowMapping(t, c, no);
  return flowPlain(t, c, no);
}

function skip(t: string, j: number): number {
  while (t.charCodeAt(j) === 32) j++;
  return j;
}

function flowSequence(t: string, c: number, no: number): [unknown[], SeqPositions, number] {
  const out: unknown[] = [];
  const positions: SeqPositions = { at: pos(no, c), items: [] };
  let j = skip(t, c + 1);
  if (t[j] === ']') return [out, positions, j + 1];
  for (;;) {
    const [value, node, end] = flowValue(t, j, no);
    out.push(value);
    positions.items.push(node);
    j = skip(t, end);
    if (t[j] === ']') return [out, positions, j + 1];
    if (t[j] !== ',') throw DECLINE;
    j = skip(t, j + 1);
    if (t[j] === ']' || t[j] === ',') throw DECLINE; // a trailing or doubled comma
  }
}

function flowMapping(t: string, c: number, no: number): [Record<string, unknown>, MapPositions, number] {
  const out: Record<string, unknown> = {};
  const positions: MapPositions = { at: pos(no, c), keys: new Map(), values: new Map() };
  let j = skip(t, c + 1);
  if (t[j] === '}') return [out, positions, j + 1];
  for (;;) {
    const colon = t.indexOf(': ', j);
    if (colon < 0) throw DECLINE;
    const key = t.slice(j, colon);
    if (!KEY.test(key) || SPECIAL_KEY.test(key) || Object.prototype.hasOwnProperty.call(out, key)) throw DECLINE;
    const at = skip(t, colon + 2);
    const [value, node, end] = flowValue(t, at, no);
    out[key] = value;
    positions.keys.set(key, pos(no, j));
    positions.values.set(key, node);
    j = skip(t, end);
    if (t[j] === '}') return [out, positions, j + 1];
    if (t[j] !== ',') throw DECLINE;
    j = skip(t, j + 1);
    if (t[j] === '}' || t[j] === ',') throw DECLINE;
  }
}

/** A plain scalar inside a flow collection: ends at `,`, `]` or `}`. */
function flowPlain(t: string, c: number, no: number): [unknown, Pos, number] {
  let j = c;
  while (j < t.length) {
    const ch = t.charCodeAt(j);
    if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break; // , ] } [ {
    if (ch === 58 && (t.charCodeAt(j + 1) === 32 || j + 1 === t.length)) throw DECLINE; // an implicit key
    if (ch === 35 && t.charCodeAt(j - 1) === 32) throw DECLINE; // a comment inside a flow collection
    j++;
  }
  if (j === t.length || t[j] === '[' || t[j] === '{') throw DECLINE;
  return [plain(t.slice(c, j).trimEnd()), pos(no, c), j];
}

function decode(p: Pos, file: string): Location {
  const line = Math.floor(p / COL);
  return { file, line, col: p - line * COL };
}

function walk(root: Node, path: readonly PathSegment[]): Node {
  let node = root;
  for (const segment of path) {
    if (typeof node === 'number') break;
    const next = 'items' in node ? (typeof segment === 'number' ? node.items[segment] : undefined) : node.values.get(String(segment));
    if (next === undefined) break;
    node = next;
  }
  return node;
}

/** The same answers as the full parser's locator, from the positions recorded while reading. */
function positionLocator(file: string, root: Node): Locator {
  const at = (node: Node) => decode(typeof node === 'number' ? node : node.at, file);
  return {
    locate: (path) => at(walk(root, path)),
    locateKey: (path, key) => {
      const node = walk(root, path);
      const keyAt = typeof node !== 'number' && 'keys' in node ? node.keys.get(String(key)) : undefined;
      return at(keyAt ?? node);
    },
  };
}
