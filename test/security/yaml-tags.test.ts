/**
 * YAML tags cannot construct anything: declarations are plain data. The YAML 1.1 types the `yaml`
 * package would otherwise build (binary, set, ordered map, timestamp) and unknown or custom tags
 * are each a located `schema` finding, and no value other than plain data ever reaches the model.
 */
import { loadRepository } from '../../src/load';
import { WorkingTreeReader } from '../../src/load/reader';
import { makeRepo, removeRepo } from '../helpers/minimal-repo';

const TAGGED = ['!!binary aGVsbG8=', '!!set { a, b }', '!!omap [ { a: 1 } ]', '!!timestamp 2026-01-01', '!!js/function "function () {}"', '!evil x', '!<tag:yaml.org,2002:binary> aGVsbG8='];

/** Only what JSON can hold: no Buffer, Set, Map, Date or function anywhere. */
function plain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(plain);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(plain);
}

describe('YAML tags', () => {
  it.each(TAGGED)('%s is a finding at its line, and constructs nothing', async (tagged) => {
    const root = makeRepo({ 'config/systems/tagged.yaml': `hsaId: SE5565594230-T1\nname: ${tagged}\norganisation: x\n` });
    try {
      const result = await loadRepository(new WorkingTreeReader(root));
      const here = result.diagnostics.filter((d) => d.location.file === 'config/systems/tagged.yaml');
      expect(here).toEqual([expect.objectContaining({ message: expect.stringMatching(/^YAML: unknown tag .* a declaration holds plain values only/), location: expect.objectContaining({ line: 2 }) })]);
      expect(result.files.every((f) => plain(f.value))).toBe(true);
    } finally {
      removeRepo(root);
    }
  });

  it('leaves the core schema\'s own tags alone (!!str keeps a value that looks like a number as text)', async () => {
    const root = makeRepo({ 'config/logical-addresses/counties.yaml': 'logicalAddresses:\n  - { hsaId: !!str 01, description: Stockholm }\n' });
    try {
      const result = await loadRepository(new WorkingTreeReader(root));
      expect(result.diagnostics).toEqual([]);
      const file = result.files.find((f) => f.path === 'config/logical-addresses/counties.yaml');
      expect(file?.value).toEqual({ logicalAddresses: [{ hsaId: '01', description: 'Stockholm' }] });
    } finally {
      removeRepo(root);
    }
  });
});
