/**
 * Edits of a declaration file that keep every untouched byte: the `yaml` package's document API
 * finds the nodes and renders every new or changed value (so it decides the quoting), and only
 * those ranges of the original text are replaced. Re-printing the whole document would restyle the
 * file (the package has one padding setting for `[a]` and `{ a: b }`, the repository uses both).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

type Path = (string | number)[];

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A file that cannot be edited as asked (not YAML, or not the shape a declaration has). */
export class UneditableFile extends Error {}

export class YamlEdit {
  private readonly doc: Document.Parsed;
  private readonly splices: Splice[] = [];

  constructor(
    private readonly text: string,
    readonly file: string,
  ) {
    this.doc = parseDocument(text, { uniqueKeys: true });
    if (this.doc.errors.length) throw new UneditableFile(`${file} does not parse as YAML (${this.doc.errors[0].message.split('\n')[0]}); fix it first`);
    if (!isMap(this.doc.contents)) throw new UneditableFile(`${file} is not a mapping of keys; fix it first`);
  }

  /** The plain value at `path` (undefined when absent). */
  value(path: Path): unknown {
    const node = this.doc.getIn(path, true) as Node | undefined;
    return node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as unknown as { toJSON(): unknown }).toJSON() : node;
  }

  /** Appends items to the block sequence under a top-level key, creating the key when it is absent. */
  appendItems(key: string, items: unknown[], style: ItemStyle = 'block'): void {
    const root = this.doc.contents as YAMLMap;
    const seq = root.get(key, true) as Node | undefined;
    if (!seq) {
      this.append(`${key}:\n${renderItems(items, 2, style)}`);
      return;
    }
    if (!isSeq(seq) || seq.flow || seq.items.length === 0) {
      throw new UneditableFile(`${this.file}: ${key} is not a block list (one "- " item per line); write it as one to let tak add to it`);
    }
    const first = seq.items[0] as Node;
    const indent = this.columnOf(this.itemStart(first));
    this.insert(this.afterLine(seq.range![1]), renderItems(items, indent, style));
  }

  /** Replaces the scalar at `path` with `value`, rendered (and quoted where needed) by the package. */
  setScalar(path: Path, value: string): void {
    const node = this.doc.getIn(path, true) as Node | undefined;
    if (!isScalar(node) || !node.range) throw new UneditableFile(`${this.file}: ${path.join('.')} is not a single value`);
    this.splices.push({ start: node.range[0], end: node.range[1], text: inline(value) });
  }

  /** Sets a top-level key: its value is replaced (block style), or the key is added at the end. */
  setTopLevel(key: string, value: unknown): void {
    const root = this.doc.contents as YAMLMap;
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
    if (!pair) {
      this.append(render({ [key]: value }, 0));
      return;
    }
    const start = this.lineStart((pair.key as Node).range![0]);
    this.splices.push({ start, end: this.afterLine(pair.value!.range![1]), text: render({ [key]: value }, 0) });
  }

  /** Adds `field: value` at the end of item `index` of a top-level block sequence (a group). */
  addToItem(key: string, index: number, field: string, value: unknown): void {
    const seq = (this.doc.contents as YAMLMap).get(key, true) as unknown as YAMLSeq<Node>;
    const item = seq?.items[index] as Node | undefined;
    if (!isMap(item) || item.flow) throw new UneditableFile(`${this.file}: ${key} item ${index + 1} is not a block mapping; write it as one to let tak add to it`);
    const indent = this.columnOf((item.items[0].key as Node).range![0]);
    this.insert(this.afterLine(item.range![1]), render({ [field]: value }, indent));
  }

  /** Removes the items at `indexes` of the sequence at `path` (a flow list is written again, with its padding). */
  removeItems(path: Path, indexes: number[]): void {
    const seq = this.doc.getIn(path, true) as YAMLSeq<Node> | undefined;
    if (!isSeq(seq)) throw new UneditableFile(`${this.file}: ${path.join('.')} is not a list`);
    const drop = new Set(indexes);
    if (seq.flow) {
      const kept = seq.items.filter((_, i) => !drop.has(i)).map((n) => (n as Node).toJSON());
      const padded = this.text[seq.range![0] + 1] === ' ';
      const doc = new Document(kept);
      (doc.contents as YAMLSeq).flow = true;
      this.splices.push({ start: seq.range![0], end: seq.range![1], text: doc.toString({ lineWidth: 0, flowCollectionPadding: padded }).trimEnd() });
      return;
    }
    for (const i of drop) this.removeLines(this.itemStart(seq.items[i] as Node), (seq.items[i] as Node).range![1]);
  }

  /** Removes a whole item of a top-level block sequence (a routing or authorization group). */
  removeGroup(key: string, index: number): void {
    const seq = (this.doc.contents as YAMLMap).get(key, true) as unknown as YAMLSeq<Node>;
    const item = seq.items[index] as Node;
    this.removeLines(this.itemStart(item), item.range![1]);
  }

  /** Removes a top-level key with its value. */
  removeTopLevel(key: string): void {
    const pair = (this.doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
    if (pair) this.removeLines((pair.key as Node).range![0], pair.value!.range![1]);
  }

  /** The edited text: the original with each replaced range spliced in. */
  result(): string {
    let out = this.text;
    // From the end backwards, so earlier offsets stay valid; at one offset the later edit goes first, so the earlier one ends up before it.
    const order = this.splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
    for (const s of order) out = out.slice(0, s.start) + s.text + out.slice(s.end);
    return out;
  }

  /** Inserts whole lines; at the end of a file whose last line has no newline, one is added first. */
  private insert(at: number, text: string): void {
    const newline = at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n') ? '\n' : '';
    this.splices.push({ start: at, end: at, text: newline + text });
  }

  private removeLines(start: number, end: number): void {
    this.splices.push({ start: this.lineStart(start), end: this.afterLine(end), text: '' });
  }

  /** Where a block item begins: its `- ` marker, on the line of its first node. */
  private itemStart(node: Node): number {
    const start = this.lineStart(node.range![0]);
    const dash = this.text.indexOf('-', start);
    return dash >= 0 && dash < node.range![0] ? dash : node.range![0];
  }

  private columnOf(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Just past the newline that ends the line holding the character before `end`. */
  private afterLine(end: number): number {
    const nl = this.text.indexOf('\n', Math.max(0, end - 1));
    return nl === -1 ? this.text.length : nl + 1;
  }

  /** Adds text at the end of the file, on a line of its own. */
  private append(text: string): void {
    this.insert(this.text.length, text);
  }
}

/** One value on one line, as the package writes it (plain, or quoted when it must be). */
export function inline(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** How new list items are written: `- key: value` lines, or `- { key: value }` one item a line (catalogs). */
export type ItemStyle = 'block' | 'flow';

/** Items of a block list at `indent` columns. */
export function renderItems(items: unknown[], indent: number, style: ItemStyle): string {
  if (style === 'block') return render(items, indent, true);
  const pad = ' '.repeat(indent);
  return items.map((item) => {
    const doc = new Document(item);
    if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
    return `${pad}- ${doc.toString({ lineWidth: 0 }).trimEnd()}\n`;
  }).join('');
}

/**
 * A value in block style at `indent` columns, as the package writes it; short lists of plain values
 * stay on one line (`[A, B]`), as the repository writes them; long ones (a mass request) get a line each.
 */
export function render(value: unknown, indent: number, blockRoot = false): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, seq) {
      if (blockRoot && seq === doc.contents) return;
      if (seq.items.length <= 8 && seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}
