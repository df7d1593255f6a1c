import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from './locator';
import { MAX_DEPTH, readEventYaml } from './event-yaml';
import type * as yamlPackage from './yaml-package';

export interface ParsedYaml {
  value: unknown;
  locator: Locator;
  diagnostics: Diagnostic[];
  /** The fast reader read the file: a cache can keep the value, since its positions can be found again from the text. */
  fast?: boolean;
}

/**
 * Parses YAML 1.2 keeping positions; duplicate keys, alias bombs and deep nesting are errors, not
 * surprises. The fast reader takes what it can; the `yaml` package reads the rest and words every error. Only
 * the first syntax error is reported: the parser's later ones mostly follow from it (an unclosed
 * bracket gives three), and one problem should be one finding.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const fast = readEventYaml(file, text);
  if (fast === 'declined') return (require('./yaml-package') as typeof yamlPackage).parseWithYamlPackage(file, text);
  if (fast.kind === 'read') return { value: fast.value, locator: fast.locator, fast: true, diagnostics: [] };
  const message = `YAML: nested more than ${MAX_DEPTH} levels deep; declarations need a handful, so flatten the structure`;
  const at = fast.location;
  return { value: undefined, locator: { locate: () => at, locateKey: () => at }, diagnostics: [{ message, location: at }] };
}
