import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../model/diagnostics';
import { yamlLocator, type Locator } from './locator';
import { readPlainYaml } from './plain-yaml';

/** Aliases are legitimate, but a handful suffices; more expand exponentially (a "billion laughs"). */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
  value: unknown;
  locator: Locator;
  diagnostics: Diagnostic[];
}

/**
 * A tag the YAML schema does not know (`!evil`, `!!js/function`) would otherwise be dropped and
 * its value read as a plain string: the author meant something else, so it is an error.
 */
function unknownTag(warning: string): string {
  const tag = /Unresolved tag: (\S+)/.exec(warning)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'a tag';
  return `YAML: unknown tag ${tag}; a declaration holds plain values only: remove the tag`;
}

/** Parses YAML 1.2 keeping positions; duplicate keys and alias bombs are errors, not surprises. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const plain = readPlainYaml(file, text);
  if (plain) return { ...plain, diagnostics: [] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const locator = yamlLocator(file, doc, lines);
  const at = (pos: [number, number]) => ({ file, ...lines.linePos(pos[0]) });
  const diagnostics: Diagnostic[] = [
    ...doc.errors.map((error) => ({ message: `YAML: ${error.message.split('\n')[0]}`, location: at(error.pos) })),
    ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED').map((w) => ({ message: unknownTag(w.message), location: at(w.pos) })),
  ];
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
