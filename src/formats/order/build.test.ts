import { wholeOrder } from '../../export/order';
import type { EnvironmentChanges, RoutingItem } from '../../plan/types';
import { emptyTables, type RoutingRow } from '../tak/tables';
import { buildOrder } from './build';
import { orderDay } from './dates';
import { executeOrder } from './execute';

const CONTRACT = 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2';
const row: RoutingRow = { contract: CONTRACT, logicalAddress: 'SE2321000016-0001', producer: 'SE5565594230-B9P', profile: 'RIVTABP21', url: 'https://a.example.se/x' };
// 30 September 23:30 UTC is already 1 October in Stockholm, where the catalog takes the order's date.
const lateUtc = new Date('2026-09-30T23:30:00Z');

function changes(added: RoutingItem[]): EnvironmentChanges {
  const none = { added: [], removed: [], changed: [] };
  return {
    env: 'qa',
    presence: 'both',
    platform: 'NTJP-QA',
    routing: { ...none, added },
    authorizations: none,
    systems: { ...none, deactivated: [] },
    certificates: { added: [], removed: [], rotated: [] },
    contracts: { installed: [], removed: [] },
    network: [],
    newObjects: { components: [], logicalAddresses: [], contracts: [] },
  } as EnvironmentChanges;
}

describe('the execution day of the orders the tool writes', () => {
  it('is the day the plan was made for, in the catalog\'s own time zone', () => {
    const at = (validTo: string): RoutingItem => ({ ...row, key: 'k', validTo, location: { file: 'x.yaml', line: 1, col: 1 } });
    const order = buildOrder(changes([at('2026-10-01')]), { now: lateUtc });
    expect(order.inkludera.vagval).toHaveLength(1);
    expect(orderDay(order.genomforandeTidpunkt)).toBe('2026-10-01');
    // Ended on 30 September: in Stockholm that day is over, so there is nothing to order.
    expect(buildOrder(changes([at('2026-09-30')]), { now: lateUtc }).inkludera.vagval).toHaveLength(0);
  });

  it('is the export day for the whole environment as one order', () => {
    const tables = emptyTables();
    tables.routing.push({ ...row, to: '2026-09-30' });
    const { order } = wholeOrder(tables, 'NTJP-QA', lateUtc, '2026-09-30');
    expect(orderDay(order.genomforandeTidpunkt)).toBe('2026-09-30');
    const { tables: created, errors } = executeOrder(emptyTables(), order, { platform: 'NTJP-QA', now: lateUtc });
    expect(errors).toEqual([]);
    expect(created.routing[0].from).toBe('2026-09-30');
  });
});
