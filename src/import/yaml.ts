/**
 * YAML as the importer writes it: block style, one list item per line (so that a long list of
 * logical addresses stays diffable and every entry gets its own line in findings), no folding.
 * The yaml package quotes any string that would read back as something else, so identifiers
 * that look like numbers (county code `01`, org number `5565594230`) come out quoted, and so do
 * YAML's own white space at the ends, indicators, `#`, `: ` and special words.
 */
import { Document, isMap, isSeq, parseDocument, Scalar, visit, type Node } from 'yaml';

const OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/**
 * Unicode white space at a value's ends (a no-break space, a BOM) and line separators anywhere
 * are text to YAML, so the package may leave them plain; there a reviewer cannot see them and
 * readers that trim by Unicode rules lose them. Such values are double-quoted: the platform
 * matches them byte for byte.
 */
const INVISIBLE = /^\s|\s$|[\u0085\u2028\u2029]/u;

function quoteInvisible(node: Node | Document): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && INVISIBLE.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** Writes the items of list `key` as one-line `{ a: 1, b: 2 }` maps, as catalog files are written by hand. */
function flowItems(items: unknown[]): void {
  for (const item of items) if (isMap(item)) item.flow = true;
}

/** A YAML file: an optional comment header (why the file exists) and the value. */
export function toYaml(value: unknown, comment?: string, flowList?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment.split('\n').map((l) => ` ${l}`).join('\n');
  const list = flowList ? doc.get(flowList, true) : undefined;
  if (isSeq(list)) flowItems(list.items);
  return documentText(doc);
}

/** A document as the importer writes it (see above), also one it has changed in place. */
export function documentText(doc: Document): string {
  quoteInvisible(doc);
  return doc.toString(OPTIONS);
}

/**
 * Adds items to a top-level list of an existing file, keeping the rest of the file (comments
 * included) as it is: how an import adds to a catalog file instead of replacing it.
 */
export function appendToList(text: string, key: string, items: unknown[], flow = false): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error(`has no top-level mapping to add ${key} to`);
  const nodes = items.map((item) => doc.createNode(item) as Node);
  if (flow) flowItems(nodes);
  const list = doc.get(key, true);
  if (list === undefined || list === null) doc.set(key, doc.createNode([]));
  else if (!isSeq(list)) throw new Error(`has a ${key} that is not a list`);
  const seq = doc.get(key, true);
  if (isSeq(seq)) for (const node of nodes) seq.items.push(node);
  return documentText(doc);
}
