/** Entries carry the natural key of their parts, whichever way the parts are written. */
import type { AuthorizationGroup, RoutingGroup } from '../model/state';
import { naturalKey } from '../model/syntax';
import { authorizationEntry, routingEntry } from './expand';

const location = { file: 'environments/test/connections/x.yaml', line: 1 };
const ref = (written: string) => ({ ref: written, contract: written, key: written.toLowerCase(), location });
const address = (written: string) => ({ logicalAddress: written, key: written.toLowerCase(), location });

describe('entry keys', () => {
  // Mixed case, non-ASCII, white space, and a capital sigma at the end and at the start of a part
  // (lower-cased alone or inside the joined string, it must give the same letter).
  const parts = [
    ['urn:riv:Clinical:GetΣ', 'SE123-Σabc'],
    ['Ärende:1 ', 'se2321000016-ÅÄÖ\u2028'],
    ['GETFORMS:2', '*'],
  ];

  it.each(parts)('routing %s at %s: the natural key of contract and address', (contract, logicalAddress) => {
    const group = { decl: { producer: 'P', profile: 'RIVTABP21' } } as unknown as RoutingGroup;
    const entry = routingEntry(group, { ...ref(contract), url: 'https://x' }, address(logicalAddress));
    expect(entry.key).toBe(naturalKey(contract, logicalAddress));
  });

  it.each(parts)('authorization of ConsumerΣ for %s at %s: the natural key of consumer, contract and address', (contract, logicalAddress) => {
    const group = { decl: { consumer: 'ConsumerΣ' } } as unknown as AuthorizationGroup;
    const entry = authorizationEntry(group, ref(contract), address(logicalAddress));
    expect(entry.key).toBe(naturalKey('ConsumerΣ', contract, logicalAddress));
  });
});
