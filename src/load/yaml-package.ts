/**
 * Reading with the `yaml` package: what the fast reader declines (errors, tags, anchors and aliases,
 * block scalars and the rest, see `event-yaml.ts`). Loaded only when a file needs it, so that a run over
 * well-formed files does not pay for loading the package.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Location } from '../model/diagnostics';
import type { Locator, PathSegment } from './locator';
import type { ParsedYaml } from './yaml';

/** Aliases are legitimate, but a handful suffices; more expand exponentially (a "billion laughs"). */
export const MAX_ALIASES = 100;

/**
 * A tag the YAML schema does not know (`!evil`, `!!js/function`, and with core types only, `!!binary`
 * or `!!set`) would otherwise be dropped and its value read as a plain string: the author meant
 * something else, so it is an error; declarations are plain data and no tag constructs anything.
 */
function unknownTag(warning: string): string {
  const tag = /Unresolved tag: (\S+)/.exec(warning)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'a tag';
  return `YAML: unknown tag ${tag}; a declaration holds plain values only: remove the tag`;
}

const INDENTATION = '; check the indentation: spaces only, and every item of a list or map at the same column';
const QUOTING = '; check quoting and brackets: quote a value with ": ", " #" or a leading @ ` [ { * & !, and close every quote, [ and {';
const HINTS: Record<string, string> = {
  BAD_INDENT: INDENTATION,
  TAB_AS_INDENT: INDENTATION,
  BLOCK_IN_FLOW: `${QUOTING} (a list written [ ... ] holds no "- " items)`,
  MULTILINE_IMPLICIT_KEY: INDENTATION,
  MISSING_CHAR: QUOTING,
  UNEXPECTED_TOKEN: QUOTING,
  BAD_SCALAR_START: QUOTING,
  BLOCK_AS_IMPLICIT_KEY: QUOTING,
  DUPLICATE_KEY: '; write each key once per map (merge the two, or remove one)',
};

/** What to check for a YAML error code of the `yaml` package (nothing for codes without advice). */
const hintFor = (code: string) => HINTS[code] ?? '';

export function parseWithYamlPackage(file: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  // Declarations are plain data: no tag may construct anything (binary, sets, dates, anything custom).
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, resolveKnownTags: false });
  const locator = yamlLocator(file, doc, lines);
  const at = (offset: number) => ({ file, ...lines.linePos(offset) });
  const diagnostics: Diagnostic[] = doc.errors.slice(0, 1).map((error) => {
    const more = doc.errors.length > 1 ? '; errors after it may follow from it: fix it and run again' : '';
    return { message: `YAML: ${error.message.split('\n')[0]}${hintFor(error.code)}${more}`, location: at(error.pos[0]) };
  });
  for (const warning of doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')) {
    diagnostics.push({ message: unknownTag(warning.message), location: at(warning.pos[0]) });
  }
  if (diagnostics.length > 0) return { value: undefined, locator, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), locator, diagnostics };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = /alias/i.test(reason)
      ? `YAML: aliases expand too far (more than ${MAX_ALIASES} per node); write the values out instead`
      : `YAML: ${reason}`;
    return { value: undefined, locator, diagnostics: [{ message, location: locator.locate([]) }] };
  }
}

export function yamlLocator(file: string, doc: Document, lines: LineCounter): Locator {
  const position = (node: Node | null | undefined): Location => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  const pairOf = (node: unknown, key: PathSegment) =>
    isMap(node) ? node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)) : undefined;
  const walk = (path: readonly PathSegment[]): Node | null => {
    let node = doc.contents as Node | null;
    for (const segment of path) {
      let next: unknown;
      if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
      else next = pairOf(node, segment)?.value;
      if (!next || typeof next !== 'object') break;
      node = next as Node;
    }
    return node;
  };
  return {
    locate: (path) => position(walk(path)),
    locateKey: (path, key) => {
      const pair = pairOf(walk(path), key);
      return position((pair?.key as Node | undefined) ?? walk(path));
    },
  };
}
