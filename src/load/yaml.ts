import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../model/diagnostics';
import { yamlLocator, type Locator } from './locator';
import { MAX_DEPTH, readEventYaml, type Offsets } from './event-yaml';

/** Aliases are legitimate, but a handful suffices; more expand exponentially (a "billion laughs"). */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
  value: unknown;
  locator: Locator;
  diagnostics: Diagnostic[];
  /** The positions as plain data, when the fast reader read the file (what a cache can keep). */
  offsets?: Offsets;
}

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

/**
 * Parses YAML 1.2 keeping positions; duplicate keys, alias bombs and deep nesting are errors, not
 * surprises. The fast reader takes what it can; the `yaml` package reads the rest and words every error. Only
 * the first syntax error is reported: the parser's later ones mostly follow from it (an unclosed
 * bracket gives three), and one problem should be one finding.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const fast = readEventYaml(file, text);
  if (fast === 'declined') return parseWithYamlPackage(file, text);
  if (fast.kind === 'read') return { value: fast.value, locator: fast.locator, offsets: fast.offsets, diagnostics: [] };
  const message = `YAML: nested more than ${MAX_DEPTH} levels deep; declarations need a handful, so flatten the structure`;
  const at = fast.location;
  return { value: undefined, locator: { locate: () => at, locateKey: () => at }, diagnostics: [{ message, location: at }] };
}

function parseWithYamlPackage(file: string, text: string): ParsedYaml {
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
