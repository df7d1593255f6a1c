import type { Catalog } from '../model/state';
import { naturalKey } from '../model/syntax';
import type { Finding } from './types';

/**
 * The systems (natural keys) with an unsuppressed error-level finding in `env`: about the system
 * itself (its HSA-id as the finding's entity) or in its own file. `tak synth --allow-findings`
 * leaves such consumers out of the ingress allowlist.
 */
export function systemsWithErrors(findings: readonly Finding[], catalog: Catalog, env: string): Set<string> {
  const byFile = new Map(catalog.systems.map((s) => [s.file, s.key]));
  const out = new Set<string>();
  for (const f of findings) {
    if (f.level !== 'error' || f.suppressed || f.env !== env) continue;
    const key = f.entity ? naturalKey(f.entity) : undefined;
    if (key && catalog.systemIndex.has(key)) out.add(key);
    const inFile = byFile.get(f.location.file);
    if (inFile) out.add(inFile);
  }
  return out;
}
