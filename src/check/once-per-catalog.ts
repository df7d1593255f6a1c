import type { Catalog } from '../model/state';
import type { RuleFinding } from './types';

/**
 * A rule's check of the shared catalog (config/), run once per catalog. Every environment's state
 * holds the same catalog, and the engine reports a finding about config/ once however many
 * environments see it: checking the catalog again for each environment only repeats the work (on a
 * large catalog, tens of thousands of logical addresses per environment).
 */
export function oncePerCatalog(check: (catalog: Catalog) => RuleFinding[]): (catalog: Catalog) => readonly RuleFinding[] {
  const done = new WeakMap<Catalog, RuleFinding[]>();
  return (catalog) => {
    let findings = done.get(catalog);
    if (!findings) done.set(catalog, (findings = check(catalog)));
    return findings;
  };
}
