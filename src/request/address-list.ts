/**
 * `--logical-addresses-from FILE`: the logical addresses of a mass request, one a line, or a CSV
 * with the HSA-id first and optionally its description (for addresses new to the catalog), with or
 * without a header row, comma- or semicolon-separated (as spreadsheets here write it). Every bad line
 * is named with its number, all of them at once, so a 3,000-line list is fixed in one round.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { HSA_ID } from '../model/syntax';

export interface ListedAddress {
  hsaId: string;
  description?: string;
  line: number;
}

/** A value given to a request cannot be used (a bad list line, a malformed flag); the message says which. */
export class RequestInputError extends Error {}

const HEADER = /^(hsa-?id|logical-?address|logisk ?adress|address|adress)$/i;
const SHOWN = 20;

export function readAddressList(file: string): ListedAddress[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new RequestInputError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); name a readable file with --logical-addresses-from`);
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, comment: '#' }) as unknown as typeof records;
  } catch (error) {
    throw new RequestInputError(`${file}: ${(error as Error).message}`);
  }
  const out: ListedAddress[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ record, info }, i) => {
    const [hsaId = '', description] = record;
    if (i === 0 && HEADER.test(hsaId)) return;
    const line = info.lines;
    if (!HSA_ID.test(hsaId)) {
      problems.push(`${file}:${line}: "${hsaId}" is not an HSA-id (letters, digits, - and _ only)`);
      return;
    }
    const first = seen.get(hsaId.toLowerCase());
    if (first !== undefined) {
      problems.push(`${file}:${line}: ${hsaId} is listed twice (first on line ${first})`);
      return;
    }
    seen.set(hsaId.toLowerCase(), line);
    out.push({ hsaId, description: description || undefined, line });
  });
  if (problems.length) {
    const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
    throw new RequestInputError(`${problems.slice(0, SHOWN).join('; ')}${more}; fix the list and run again`);
  }
  if (!out.length) throw new RequestInputError(`${file} lists no logical address; put one HSA-id a line`);
  return out;
}
