/**
 * The fast way to read a declaration: js-yaml's event parser (about ten times faster than the `yaml`
 * package on a large repository) and a small builder that turns its events into the plain value and,
 * read again when a position is first asked for, the position of every node. It gives what `yaml`
 * gives (core schema): the same value and the same positions (`event-yaml.test.ts` compares the two). What the two packages treat differently, or what
 * only `yaml` words well, it leaves to `yaml` by returning 'declined': errors, tags, anchors and
 * aliases (so the alias limit applies), block scalars, empty values, keys that are not strings,
 * duplicate keys, several documents, a carriage return alone.
 * Nesting deeper than MAX_DEPTH is an error of its own, found by js-yaml before any recursion can
 * exhaust the stack.
 */
import {
  boolCoreTag,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type MappingEvent,
  type SequenceEvent,
  type ScalarEvent,
  type ScalarTagDefinition,
} from 'js-yaml';
import type { Location } from '../model/diagnostics';
import type { Locator, PathSegment } from './locator';

/** Declarations nest a handful of levels; far deeper is a mistake or an attack on the parsers' stacks. */
export const MAX_DEPTH = 100;

/** Parallel arrays rather than Maps: mappings have a handful of keys, and a repository has a million mappings. */
interface MapOffsets {
  at: number;
  names: string[];
  keys: number[];
  values: Offsets[];
}
interface SeqOffsets {
  at: number;
  items: Offsets[];
}
/** Source offsets of a container, or of a scalar (a bare number); plain data, so that a cache can keep them. */
export type Offsets = MapOffsets | SeqOffsets | number;

export type EventYamlResult =
  | { kind: 'read'; value: unknown; locator: Locator }
  | { kind: 'too-deep'; location: Location }
  | 'declined';

/**
 * Reads `text`, or says why `yaml` must (declined) or why no parser should (too deep). Positions are
 * not kept: a run asks for the lines of very few values (a finding, a changed entry), so the locator
 * reads the file's text again, keeping them, the first time it is asked (`readOffsets`).
 */
export function readEventYaml(file: string, text: string): EventYamlResult {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return 'declined'; // a lone CR breaks lines for js-yaml only
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (error instanceof YAMLException && /maxDepth/.test(error.reason)) {
      return { kind: 'too-deep', location: lineColumn(file, lineStarts(text), error.mark?.position ?? 0) };
    }
    return 'declined';
  }
  const built = build(text, events, false);
  if (!built) return 'declined';
  return { kind: 'read', value: built.value, locator: offsetLocator(file, () => text, () => readOffsets(text)) };
}

/** The offsets of every node of a text `readEventYaml` read. */
export function readOffsets(text: string): Offsets {
  return build(text, parseEvents(text, { maxDepth: MAX_DEPTH }), true)!.root!;
}

/** Plain-scalar resolvers of the core schema by first character, in the schema's order (null, bool, int, float). */
const resolvers = new Map<string, ScalarTagDefinition[]>();
for (const tag of [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag] as ScalarTagDefinition[]) {
  for (const first of tag.implicitFirstChars ?? []) resolvers.set(first, [...(resolvers.get(first) ?? []), tag]);
}

function resolvePlain(raw: string): unknown {
  for (const tag of resolvers.get(raw.charAt(0)) ?? []) {
    const value = tag.resolve(raw, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return raw;
}

interface Frame {
  value: Record<string, unknown> | unknown[];
  /** Absent when the builder keeps no offsets. */
  offsets?: MapOffsets | SeqOffsets;
  /** In a mapping: the key read and waiting for its value. */
  key?: string;
}

interface Built {
  value: unknown;
  root?: Offsets;
}

/** Thrown (one shared instance, no stack) when the events hold something left to `yaml`. */
const DECLINE = { decline: true };

function build(text: string, events: Event[], keepOffsets: boolean): Built | undefined {
  try {
    return new Builder(text, keepOffsets).run(events);
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Turns the event stream into the value (and, when asked, the offsets of its nodes), with a stack instead of recursion. */
class Builder {
  private stack: Frame[] = [];
  private result: Built | undefined;

  constructor(
    private text: string,
    private keepOffsets: boolean,
  ) {}

  run(events: Event[]): Built | undefined {
    let documents = 0;
    for (const event of events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          if (++documents > 1 || event.directives.length > 0) throw DECLINE;
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.open(event);
          break;
        case EVENT_ID.SCALAR: {
          const at = scalarOffset(event);
          const raw = getScalarValue(this.text, event);
          this.place(event.style === SCALAR_STYLE.PLAIN ? resolvePlain(raw) : raw, at);
          break;
        }
        case EVENT_ID.POP:
          this.stack.pop(); // a collection's end; the document's end finds the stack empty
          break;
        default:
          throw DECLINE; // an alias
      }
    }
    return this.result;
  }

  private open(event: MappingEvent | SequenceEvent): void {
    if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINE;
    const parent = this.stack[this.stack.length - 1];
    if (parent && !Array.isArray(parent.value) && parent.key === undefined) throw DECLINE; // a complex key
    const isMap = event.type === EVENT_ID.MAPPING;
    const frame: Frame = { value: isMap ? {} : [] };
    if (this.keepOffsets) frame.offsets = isMap ? { at: event.start, names: [], keys: [], values: [] } : { at: event.start, items: [] };
    this.place(frame.value, frame.offsets ?? event.start);
    this.stack.push(frame);
  }

  /** Puts a value into its parent: an item, a key, or the value of the pending key. */
  private place(value: unknown, offsets: Offsets): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.result = { value, root: offsets };
      return;
    }
    const target = parent.value;
    if (Array.isArray(target)) {
      target.push(value);
      (parent.offsets as SeqOffsets | undefined)?.items.push(offsets);
      return;
    }
    const map = parent.offsets as MapOffsets | undefined;
    if (parent.key === undefined) {
      // A key: only a string that `yaml` turns into the same property name, once.
      if (typeof value !== 'string' || value === '__proto__' || Object.prototype.hasOwnProperty.call(target, value)) throw DECLINE;
      parent.key = value;
      map?.names.push(value);
      map?.keys.push(offsets as number);
      return;
    }
    target[parent.key] = value;
    map?.values.push(offsets);
    parent.key = undefined;
  }
}

/** Where `yaml` says a scalar starts: its first character, or its opening quote. */
function scalarOffset(event: ScalarEvent): number {
  if (event.anchorStart >= 0 || event.tagStart >= 0 || event.valueStart < 0) throw DECLINE;
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return event.valueStart;
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    default:
      throw DECLINE; // a block scalar: its position is that of its indicator, which the event does not give
  }
}

/** Offsets where each line starts, for turning offsets into line and column as `yaml`'s LineCounter does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineColumn(file: string, starts: number[], offset: number): Location {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { file, line: low + 1, col: offset - starts[low] + 1 };
}

function walk(root: Offsets, path: readonly PathSegment[]): Offsets {
  let node = root;
  for (const segment of path) {
    if (typeof node === 'number') break;
    const next = 'items' in node ? (typeof segment === 'number' ? node.items[segment] : undefined) : node.values[node.names.indexOf(String(segment))];
    if (next === undefined) break;
    node = next;
  }
  return node;
}

/**
 * The same answers as `yaml`'s locator, from the offsets recorded while reading; lines are counted on
 * first use, from the text `text` gives then (a file whose parse was cached is decoded only if asked);
 * `offsets` may likewise be given when first needed.
 */
export function offsetLocator(file: string, text: () => string, offsets: Offsets | (() => Offsets)): Locator {
  let starts: number[] | undefined;
  let read: Offsets | undefined;
  const root = () => (read ??= typeof offsets === 'function' ? offsets() : offsets);
  const at = (node: Offsets) => lineColumn(file, (starts ??= lineStarts(text())), typeof node === 'number' ? node : node.at);
  return {
    locate: (path) => at(walk(root(), path)),
    locateKey: (path, key) => {
      const node = walk(root(), path);
      const keyAt = typeof node !== 'number' && 'names' in node ? node.keys[node.names.indexOf(String(key))] : undefined;
      return at(keyAt ?? node);
    },
  };
}
