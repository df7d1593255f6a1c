import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseJson, tryParseJson } from './json';
import { readOrder } from './order/read';
import { readTakApiFolder } from './takapi/read';
import { readTakExport } from './tak-export/read';

const errorOf = (text: string) => {
  const result = tryParseJson(text);
  if (!('error' in result)) throw new Error(`${text} parsed`);
  return result.error;
};

describe('located JSON syntax errors', () => {
  it('gives line and column of the first character that is not JSON', () => {
    expect(errorOf('{\n  "a": 1,\n  "b": }\n')).toEqual({ line: 3, col: 8, problem: 'unexpected "}"' });
    expect(errorOf('[1, 2,\n]')).toEqual({ line: 2, col: 1, problem: 'unexpected "]"' });
    expect(errorOf('{"a": "x\ny"}')).toEqual({ line: 1, col: 9, problem: 'unexpected "\\n"' });
    expect(errorOf('{"a": "\\q"}')).toMatchObject({ line: 1, col: 9 });
    expect(errorOf('{"a": 01}')).toMatchObject({ line: 1, col: 8 });
    expect(errorOf('{"a": 1} x')).toMatchObject({ line: 1, col: 10, problem: 'unexpected "x"' });
    expect(errorOf('{"a": [1, {"b": tru}]}')).toMatchObject({ line: 1, col: 17 });
    expect(errorOf('{"formatVersion":"1"')).toEqual({ line: 1, col: 21, problem: 'unexpected end of the text' });
  });

  it('agrees with the position node gives where it gives one', () => {
    let compared = 0;
    for (const text of ['{"a" 1}', '{"a":1', '{a:1}', '{"a":1} x', '"\\u00zz"', '[1 2]', '{"a":1,}']) {
      const message = (() => {
        try {
          JSON.parse(text);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const position = /at position (\d+)/.exec(message);
      if (!position) continue;
      expect(errorOf(text).col).toBe(Number(position[1]) + 1);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it('parses valid JSON as JSON.parse does', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e5\\n"], "b": {}}';
    expect(tryParseJson(text)).toEqual({ value: JSON.parse(text) });
    expect(parseJson(text, 'x.json')).toEqual(JSON.parse(text));
  });
});

describe('the import readers locate JSON syntax errors as file:line:col', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tak-json-'));

  it('the catalog export', () => {
    expect(() => readTakExport('{\n  "data": {,\n}', 'export.json')).toThrow('export.json:2:12 is not JSON: unexpected ","');
  });

  it('a TAK-api response', () => {
    const file = path.join(dir, 'cooperations.json');
    writeFileSync(file, '[\n  {"id": 1,}\n]');
    expect(() => readTakApiFolder(dir)).toThrow(`${file}:2:12 is not JSON: unexpected "}"`);
  });

  it('an order, counting lines from the start of the pasted text', () => {
    expect(readOrder('Hej!\nHär är beställningen:\n{\n  "plattform": }\nMvh', 'order.json').errors).toEqual([
      'order.json:4:16 is not valid JSON: unexpected "}"',
    ]);
    expect(readOrder('{"plattform": "x",\n "inkludera": {} mvh').errors).toEqual(['the order is not valid JSON at 2:17: unexpected end of the text']);
  });
});
