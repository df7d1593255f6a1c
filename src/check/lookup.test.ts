import type { Catalog, LogicalAddress } from '../model/state';
import { AddressTree, Coverage } from './lookup';

/** Just enough of a catalog for the lookup: logical addresses with parents. */
function catalogOf(parents: Record<string, string | undefined>): Catalog {
  const index = new Map<string, LogicalAddress>();
  for (const [hsaId, parent] of Object.entries(parents)) {
    index.set(hsaId.toLowerCase(), { key: hsaId.toLowerCase(), hsaId, description: hsaId, parent, location: { file: 'x', line: 1 } });
  }
  return { logicalAddressIndex: index } as Catalog;
}

describe('the lookup order', () => {
  const tree = new AddressTree(catalogOf({ 'SE1-UNIT': 'SE1-CLINIC', 'SE1-CLINIC': 'SE1-REGION', 'SE1-REGION': undefined, LOOP1: 'LOOP2', LOOP2: 'LOOP1' }));

  it('walks the address, its HSA parents, SE and *', () => {
    expect(tree.chain('se1-unit')).toEqual(['se1-unit', 'se1-clinic', 'se1-region', 'se', '*']);
    expect(tree.chain('unknown')).toEqual(['unknown', 'se', '*']);
  });

  it('ends the walk at a cycle in the catalog', () => {
    expect(tree.chain('loop1')).toEqual(['loop1', 'loop2', 'se', '*']);
  });

  it('meets on a parent, on a unit below, on SE or *, and only for the same contract', () => {
    const routing = new Coverage(tree, [{ contract: 'C:1', logicalAddress: 'SE1-CLINIC' }]);
    expect(routing.meets('c:1', 'SE1-UNIT')).toBe(true);
    expect(routing.meets('C:1', 'SE1-REGION')).toBe(true);
    expect(routing.meets('C:1', '*')).toBe(true);
    expect(routing.meets('C:1', 'LOOP1')).toBe(false);
    expect(routing.meets('C:2', 'SE1-CLINIC')).toBe(false);
  });
});
