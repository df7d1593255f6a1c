/**
 * JSON input with located syntax errors. Node 20 reports some syntax errors "at position N" and
 * others with no position at all ("Unexpected token"), so a text that fails to parse is scanned once
 * more to find where it stops being JSON. The scan runs only on failure: valid input costs nothing.
 */
import { positionOf } from '../model/diagnostics';
import { FormatError } from './errors';

export interface JsonSyntaxError {
  /** 1-based line and column of the first character that is not JSON. */
  line: number;
  col: number;
  problem: string;
}

/** Parses a file's JSON; a syntax error is one FormatError at `file:line:col`. */
export function parseJson(text: string, file: string): unknown {
  const result = tryParseJson(text);
  if ('error' in result) throw jsonSyntaxError(file, result.error);
  return result.value;
}

/** A syntax error as one FormatError at `file:line:col` (also for readers that parse a file in pieces). */
export function jsonSyntaxError(file: string, { line, col, problem }: JsonSyntaxError): FormatError {
  return new FormatError(`${file}:${line}:${col} is not JSON: ${problem}`);
}

/** Why the text stops being JSON at a character (`undefined`: at the end of the text). */
export function unexpected(character: string | undefined): string {
  return character === undefined ? 'unexpected end of the text' : `unexpected ${JSON.stringify(character)}`;
}

/**
 * JSON.parse of `text.slice(from, to)` that hands back where and why it is not JSON instead of
 * throwing; the place is counted in the whole text, so junk around the JSON keeps lines right.
 */
export function tryParseJson(text: string, from = 0, to = text.length): { value: unknown } | { error: JsonSyntaxError } {
  const json = from === 0 && to === text.length ? text : text.slice(from, to);
  try {
    return { value: JSON.parse(json) };
  } catch {
    return { error: locate(text, from + firstError(json), to) };
  }
}

function locate(text: string, offset: number, end: number): JsonSyntaxError {
  return { ...positionOf(text, offset), problem: unexpected(offset >= end ? undefined : text[offset]) };
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The offset of the first character where the text stops being JSON (RFC 8259). */
function firstError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  // Node points at the first character that cannot continue an escape, and so does this.
  const escape = () => {
    if (text[i] !== 'u') return void (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]) ? i++ : fail());
    i++;
    for (let n = 0; n < 4; n++) {
      if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
      i++;
    }
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') return void i++;
      i++;
      if (c === '\\') escape();
    }
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    if (text[i] === '{') return list('}', () => (space(), string(), space(), expect(':'), value()));
    if (text[i] === '[') return list(']', value);
    if (text[i] === '"') return string();
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text)) fail();
    i = LITERAL.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
  return text.length;
}
