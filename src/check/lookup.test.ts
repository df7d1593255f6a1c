import type { Catalog, LogicalAddress } from '../model/state';
import { addressIds } from '../resolve/address-ids';
import { AddressTree, CallLookup, unmet } from './lookup';

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
    // Groups hold lower-case contract keys and address numbers (resolve numbers each listing once).
    const group = (contract: string, ...keys: string[]) => ({ contracts: [{ key: contract }], addresses: keys, addressIds: Int32Array.from(keys, (k) => addressIds.ofKey(k)) });
    const routing = [group('c:1', 'se1-clinic')];
    const authorizations = [group('c:1', 'se1-unit', 'se1-region', 'loop1', 'se', '*'), group('c:2', 'se1-clinic')];
    expect(unmet(authorizations, routing, tree).map((u) => [u.contract.key, u.address])).toEqual([
      ['c:1', 'loop1'],
      ['c:2', 'se1-clinic'],
    ]);
    expect(unmet(routing, [group('c:1', 'se1-unit')], tree)).toEqual([]);
    expect(unmet(routing, [], tree).map((u) => u.address)).toEqual(['se1-clinic']);
  });
});

describe('one call as the VP resolves it', () => {
  const tree = new AddressTree(catalogOf({ 'SE1-UNIT': 'SE1-CLINIC', 'SE1-CLINIC': undefined }));
  const route = (logicalAddress: string, extra: object = {}) => ({ contract: 'C:1', logicalAddress, ...extra });
  const allow = (logicalAddress: string, extra: object = {}) => ({ consumer: 'SE1-APP', contract: 'C:1', logicalAddress, ...extra });

  it('takes the exact address before its parent, the parent before SE, and SE before *', () => {
    const lookup = new CallLookup(tree, [route('*'), route('SE'), route('se1-clinic'), route('SE1-UNIT')], []);
    expect(lookup.route('c:1', 'se1-unit', '2026-01-01')!.entries[0].logicalAddress).toBe('SE1-UNIT');
    const withoutExact = new CallLookup(tree, [route('*'), route('SE'), route('SE1-CLINIC')], []);
    expect(withoutExact.route('C:1', 'SE1-UNIT', '2026-01-01')!.address).toBe('se1-clinic');
    expect(new CallLookup(tree, [route('*'), route('SE')], []).route('C:1', 'SE1-UNIT', '2026-01-01')!.address).toBe('se');
    expect(new CallLookup(tree, [route('*')], []).route('C:1', 'other', '2026-01-01')!.address).toBe('*');
  });

  it('skips entries that are not valid on the day, and finds none for another contract', () => {
    const lookup = new CallLookup(tree, [route('SE1-UNIT', { validTo: '2025-12-31' }), route('SE1-CLINIC')], []);
    expect(lookup.route('C:1', 'SE1-UNIT', '2026-01-01')!.address).toBe('se1-clinic');
    expect(lookup.route('C:1', 'SE1-UNIT', '2025-06-01')!.address).toBe('se1-unit');
    expect(lookup.route('C:2', 'SE1-UNIT', '2026-01-01')).toBeUndefined();
  });

  it('returns every entry valid at the first step that has any (two: the VP refuses with VP006)', () => {
    const lookup = new CallLookup(tree, [route('SE1-UNIT', { producer: 'A' }), route('se1-unit', { producer: 'B' })], []);
    expect(lookup.route('C:1', 'SE1-UNIT', '2026-01-01')!.entries).toHaveLength(2);
  });

  it('authorizes per consumer, with the same walk', () => {
    const lookup = new CallLookup(tree, [], [allow('SE1-CLINIC')]);
    expect(lookup.authorize('se1-app', 'C:1', 'SE1-UNIT', '2026-01-01')!.address).toBe('se1-clinic');
    expect(lookup.authorize('SE1-OTHER', 'C:1', 'SE1-UNIT', '2026-01-01')).toBeUndefined();
    expect(lookup.authorize('SE1-APP', 'C:1', 'SE2-UNIT', '2026-01-01')).toBeUndefined();
  });
});
