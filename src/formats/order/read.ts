/**
 * Reads an order the way the platform does: junk around the outermost `{…}` is trimmed (orders are
 * pasted from mails and tickets), and the variants real orders send are accepted (formatVersion
 * `"1.0"`, `1.0` or `"1"`, `kommentar: null`, a missing `exkludera`, null sections). The result is
 * normalized: numbers, both sections with all five lists.
 */
import { tryParseJson } from '../json';
import { validateOrderSchema } from './schema';
import { emptySection, SECTION_NAMES, type Order, type OrderSection } from './types';

export interface ReadOrderResult {
  order?: Order;
  errors: string[];
}

/** `file`, when the order comes from one, locates a JSON syntax error as `file:line:col`. */
export function readOrder(text: string, file?: string): ReadOrderResult {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return { errors: ['the order has no JSON object ({…}) in it'] };
  const parsed = tryParseJson(text, start, end + 1);
  if ('error' in parsed) {
    const { line, col, problem } = parsed.error;
    return { errors: [file ? `${file}:${line}:${col} is not valid JSON: ${problem}` : `the order is not valid JSON at ${line}:${col}: ${problem}`] };
  }
  const { value } = parsed;
  const errors = validateOrderSchema(value, 'read');
  if (errors.length > 0) return { errors };
  return { order: normalize(value as RawOrder), errors: [] };
}

type RawSection = Partial<Record<keyof OrderSection, unknown[] | null>> | null | undefined;
type RawOrder = Omit<Order, 'formatVersion' | 'version' | 'kommentar' | 'inkludera' | 'exkludera'> & {
  formatVersion?: number | string;
  version?: number | string;
  kommentar?: string | null;
  inkludera?: RawSection;
  exkludera?: RawSection;
};

function section(raw: RawSection): OrderSection {
  const out = emptySection();
  for (const name of SECTION_NAMES) (out[name] as unknown[]) = [...(raw?.[name] ?? [])];
  return out;
}

function normalize(raw: RawOrder): Order {
  const { formatVersion, version, kommentar, inkludera, exkludera, ...rest } = raw;
  return {
    ...rest,
    formatVersion: formatVersion === undefined ? 1 : Number(formatVersion),
    version: version === undefined ? 1 : Number(version),
    ...(kommentar == null ? {} : { kommentar }),
    inkludera: section(inkludera),
    exkludera: section(exkludera),
  };
}
