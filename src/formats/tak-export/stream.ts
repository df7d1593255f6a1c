/**
 * The catalog export read in pieces, so that a file of any size costs memory for the rows kept
 * from it, not for its text or its whole JSON tree. The export's frame,
 * `{ ..., "data": { "<table>": [ row, ... ], ... }, ... }`, is walked byte by byte; each row, and
 * every other value, is cut out whole and given to JSON.parse. JSON keeps the last of a repeated
 * key, and so does this: a repeated table (or "data") replaces what came before (`reset`).
 *
 * A syntax error is one FormatError at `file:line:col` of the first character that is not JSON,
 * as parseJson gives it for the whole text; the position is counted only then, by reading the
 * input again up to the error.
 */
import { StringDecoder } from 'node:string_decoder';
import { FormatError } from '../errors';
import { jsonSyntaxError, tryParseJson, unexpected } from '../json';
import { EXPORT_TABLES, type ExportTable } from './types';

/** Bytes of the export: `read` copies up to `length` bytes from `position` into `buffer` at `offset`, 0 at the end. */
export interface ByteSource {
  read(buffer: Buffer, offset: number, length: number, position: number): number;
}

export interface ExportVisitor {
  /** What was read for `table` (every table when absent) is replaced by what follows. */
  reset(table?: ExportTable): void;
  row(table: ExportTable, row: Record<string, unknown>): void;
}

const CHUNK = 1 << 20;
const [TAB, LF, CR, SPACE, QUOTE, COMMA, COLON] = [9, 10, 13, 32, 34, 44, 58];
const [OPEN_ARRAY, BACKSLASH, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [91, 92, 93, 123, 125];
const TABLES = new Set<string>(EXPORT_TABLES);

const isSpace = (byte: number) => byte === SPACE || byte === LF || byte === CR || byte === TAB;
/** The first byte of a JSON value: `{ [ "`, a number, `true`, `false` or `null`. */
const startsValue = (byte: number) => byte === OPEN_OBJECT || byte === OPEN_ARRAY || byte === QUOTE || byte === 45 || (byte >= 48 && byte <= 57) || byte === 116 || byte === 102 || byte === 110;
/** Bytes a number or a literal may consist of, and the letters of bad ones (`tru`, `1x`), which JSON.parse then locates. */
const inLiteral = (byte: number) => (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte === 43 || byte === 45 || byte === 46;

/**
 * Walks the export in `source`, handing each row of each table to `visitor`. Returns whether the
 * document has a "data" object (the caller refuses it otherwise, once the whole text is known to
 * be JSON).
 */
export function streamExport(source: ByteSource, file: string, visitor: ExportVisitor): boolean {
  const json = new JsonPieces(source, file);
  let hasData = false;
  let notARow: { at: number; table: string } | undefined;
  if (json.peek() !== OPEN_OBJECT) {
    json.value();
    json.finish();
    return false;
  }
  json.members((key) => {
    if (key !== 'data') return void json.value();
    visitor.reset();
    if (json.peek() !== OPEN_OBJECT) {
      const data = json.value();
      hasData = typeof data === 'object' && data !== null;
      return;
    }
    hasData = true;
    json.members((table) => {
      if (!TABLES.has(table)) return void json.value();
      const name = table as ExportTable;
      visitor.reset(name);
      if (json.peek() !== OPEN_ARRAY) return void json.value();
      json.elements(() => {
        const at = json.offset();
        const row = json.value();
        if (typeof row === 'object' && row !== null && !Array.isArray(row)) visitor.row(name, row as Record<string, unknown>);
        else notARow ??= { at, table: name };
      });
    });
  });
  json.finish();
  // Refused only now: a syntax error anywhere in the file is reported first, as for a whole text.
  if (notARow) throw json.notARow(notARow.at, notARow.table);
  return hasData;
}

/**
 * JSON in a window of bytes that slides over the input. `mark` is where the value being cut out
 * starts: reading on keeps the window from there (growing it for a value larger than the window).
 */
class JsonPieces {
  private buffer = Buffer.allocUnsafe(CHUNK);
  /** Input offset of buffer[0]. */
  private base = 0;
  private pos = 0;
  private end = 0;
  private mark = -1;
  private done = false;

  constructor(
    private readonly source: ByteSource,
    private readonly file: string,
  ) {}

  /** The next byte that is not white space (not consumed), or -1 at the end of the input. */
  peek(): number {
    for (;;) {
      while (this.pos < this.end && isSpace(this.buffer[this.pos])) this.pos++;
      if (this.pos < this.end) return this.buffer[this.pos];
      if (!this.more()) return -1;
    }
  }

  /** The input offset of the next byte that is not white space. */
  offset(): number {
    this.peek();
    return this.base + this.pos;
  }

  /** `{ "key": ..., ... }`: `member` reads each key's value. */
  members(member: (key: string) => void): void {
    this.list(CLOSE_OBJECT, () => {
      if (this.peek() !== QUOTE) this.fail();
      const key = this.value() as string;
      this.expect(COLON);
      member(key);
    });
  }

  /** `[ ..., ... ]`: `element` reads each element. */
  elements(element: () => void): void {
    this.list(CLOSE_ARRAY, element);
  }

  /** The next value, cut out whole and parsed. */
  value(): unknown {
    const first = this.peek();
    if (!startsValue(first)) this.fail();
    this.mark = this.pos;
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) this.skipNested();
    else if (first === QUOTE) this.skipString();
    else this.skipLiteral();
    const text = this.buffer.toString('utf8', this.mark, this.pos);
    const at = this.base + this.mark;
    this.mark = -1;
    const parsed = tryParseJson(text);
    if (!('error' in parsed)) return parsed.value;
    // Counted inside the value, then placed where the value starts in the input.
    const { line, col, problem } = parsed.error;
    const start = this.position(at);
    throw jsonSyntaxError(this.file, { line: start.line + line - 1, col: line === 1 ? start.col + col - 1 : col, problem });
  }

  /** Nothing but white space is left. */
  finish(): void {
    if (this.peek() !== -1) this.fail();
  }

  notARow(at: number, table: string): FormatError {
    const { line, col } = this.position(at);
    return new FormatError(`${this.file}:${line}:${col} is not a catalog export: a row of ${table} that is not an object`);
  }

  private list(close: number, item: () => void): void {
    this.pos++;
    if (this.peek() === close) return void this.pos++;
    for (;;) {
      item();
      const next = this.peek();
      if (next !== COMMA && next !== close) this.fail();
      this.pos++;
      if (next === close) return;
    }
  }

  private expect(byte: number): void {
    if (this.peek() !== byte) this.fail();
    this.pos++;
  }

  /** Past the `{...}` or `[...]` at pos: brackets counted outside strings; JSON.parse checks the rest. */
  private skipNested(): void {
    let depth = 0;
    for (;;) {
      const { buffer, end } = this;
      let i = this.pos;
      while (i < end) {
        const byte = buffer[i];
        if (byte === QUOTE) break;
        i++;
        if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
        else if ((byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) && --depth === 0) {
          this.pos = i;
          return;
        }
      }
      this.pos = i;
      // A string may read on and so move the window: the loop takes it up again.
      if (i < end) this.skipString();
      else if (!this.more()) return;
    }
  }

  /**
   * Past the string at pos, or to the end of the input when it is not closed. The window keeps the
   * string from its start (mark), so the backslashes before a quote are always in it.
   */
  private skipString(): void {
    let from = this.pos + 1;
    for (;;) {
      const quote = this.buffer.indexOf(QUOTE, from);
      if (quote === -1 || quote >= this.end) {
        this.pos = this.end;
        if (!this.more()) return;
        from = this.pos;
        continue;
      }
      let backslashes = 0;
      while (this.buffer[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      from = quote + 1;
      if (backslashes % 2 === 0) {
        this.pos = from;
        return;
      }
    }
  }

  private skipLiteral(): void {
    for (;;) {
      while (this.pos < this.end && inLiteral(this.buffer[this.pos])) this.pos++;
      if (this.pos < this.end || !this.more()) return;
    }
  }

  /**
   * Reads more input into the window, keeping it from `mark` (or from pos when no value is being
   * cut out); false at the end of the input.
   */
  private more(): boolean {
    if (this.done) return false;
    const keep = this.mark >= 0 ? this.mark : this.pos;
    if (keep > 0) {
      this.buffer.copy(this.buffer, 0, keep, this.end);
      this.base += keep;
      this.end -= keep;
      this.pos -= keep;
      if (this.mark >= 0) this.mark -= keep;
    }
    if (this.end === this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.end);
      this.buffer = larger;
    }
    const read = this.source.read(this.buffer, this.end, this.buffer.length - this.end, this.base + this.end);
    this.end += read;
    this.done = read === 0;
    return read > 0;
  }

  /** A syntax error at buffer index `at` (the next byte that is not white space by default). */
  private fail(at = (this.peek(), this.pos)): never {
    const offset = this.base + at;
    // The character there, whole: UTF-8 takes up to 4 bytes, and the window may end inside them.
    const character = at < this.end ? this.bytesAt(offset, 4).toString('utf8')[0] : undefined;
    throw jsonSyntaxError(this.file, { ...this.position(offset), problem: unexpected(character) });
  }

  /** Up to `count` bytes of the input from `offset` (fewer at its end), read again. */
  private bytesAt(offset: number, count: number): Buffer {
    const bytes = Buffer.alloc(count);
    let got = 0;
    while (got < count) {
      const read = this.source.read(bytes, got, count - got, offset + got);
      if (read === 0) break;
      got += read;
    }
    return bytes.subarray(0, got);
  }

  /** Line and column (in UTF-16 units, as a JavaScript string counts them) of an input offset, read again from the start. */
  private position(offset: number): { line: number; col: number } {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let line = 1;
    let lineStart = 0;
    for (let at = 0; at < offset; ) {
      const read = this.source.read(chunk, 0, Math.min(CHUNK, offset - at), at);
      if (read === 0) break;
      const piece = chunk.subarray(0, read);
      for (let i = piece.indexOf(LF); i !== -1; i = piece.indexOf(LF, i + 1)) {
        line++;
        lineStart = at + i + 1;
      }
      at += read;
    }
    const decoder = new StringDecoder('utf8');
    let col = 1;
    for (let at = lineStart; at < offset; ) {
      const read = this.source.read(chunk, 0, Math.min(CHUNK, offset - at), at);
      if (read === 0) break;
      col += decoder.write(chunk.subarray(0, read)).length;
      at += read;
    }
    return { line, col: col + decoder.end().length };
  }
}
