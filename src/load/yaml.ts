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
 * Parses YAML 1.2 keeping positions; duplicate keys, alias bombs and deep nesting are errors, not
 * surprises. The fast reader takes what it can; the `yaml` package reads the rest and words every error.
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
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const locator = yamlLocator(file, doc, lines);
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { message: `YAML: ${error.message.split('\n')[0]}`, location: { file, line, col } };
  });
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
