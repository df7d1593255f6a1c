import { emptyTables } from '../tak/tables';
import { FormatError } from '../errors';
import { readTakApi } from './read';
import type { Endpoint } from './types';
import { takApiResponses } from './write';

type Json = Record<string, unknown>;
const responses = (entries: [Endpoint, Json[]][]) => new Map<Endpoint, Json[]>(entries);

const point = { id: 7, platform: 'NTJP', environment: 'PROD', snapshotTime: '2023-03-01T03:00:01+0100' };
// `/logicalAddresses` as the api answers (rojeras/analyze-tak-ktor: logicaladdresses.json).
const addresses = [
  { id: 5, description: 'Stockholm (länskod)', logicalAddress: '01' },
  { id: 14654, description: 'VE: SLL - Magnus Huss-mottagningen', logicalAddress: 'SE2321000016-15H7' },
];
const contract = { id: 3, name: 'GetActivities', namespace: 'urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2', major: 2, minor: 0 };

describe('reading TAK-api responses', () => {
  it('reads the default response (every relation embedded), the spec\'s `logicalAdress` spelling, and omitted empty fields', () => {
    const production = {
      id: 1,
      physicalAddress: 'https://a.example.se/x',
      rivtaProfile: 'RIVTABP21',
      serviceProducer: { id: 2, hsaId: 'SE5565594230-B8N' }, // NON_EMPTY: no description
      logicalAdress: addresses[1],
      serviceContract: contract,
      connectionPoint: point,
    };
    const { tables, platform, notes } = readTakApi(responses([['serviceProductions', [production]]]));
    expect(notes).toEqual([]);
    expect(platform).toBe('NTJP-PROD');
    expect(tables.routing).toEqual([{ contract: contract.namespace, logicalAddress: 'SE2321000016-15H7', producer: 'SE5565594230-B8N', profile: 'RIVTABP21', url: 'https://a.example.se/x' }]);
    expect(tables.components.get('se5565594230-b8n')).toEqual({ hsaId: 'SE5565594230-B8N', description: '' });
  });

  it('refuses, in one message, a response fetched with an include= that leaves relations out', () => {
    // `/cooperations?include=logicalAddress` (rojeras/analyze-tak-ktor: auths.json): no consumer, no contract at all.
    const auths = [{ id: 100829, logicalAddress: addresses[1] }];
    const read = () => readTakApi(responses([['logicalAddresses', addresses], ['cooperations', auths]]));
    expect(read).toThrow(FormatError);
    expect(read).toThrow('cooperations: 1 of 1 rows have no serviceConsumer, serviceContract: fetch them with the default include (connectionPoint,logicalAddress,serviceContract,serviceConsumer)');
  });

  it('gives back what it wrote', () => {
    const tables = emptyTables();
    tables.contracts.set(contract.namespace.toLowerCase(), { namespace: contract.namespace, description: 'GetActivities', major: 2, minor: 0 });
    tables.logicalAddresses.set('01', { hsaId: '01', description: 'Stockholm (länskod)' });
    tables.components.set('tp', { hsaId: 'tp', description: 'tp test client' });
    tables.routing.push({ contract: contract.namespace, logicalAddress: '01', producer: 'tp', profile: 'RIVTABP20', url: 'http://localhost:10000/test/Ping_Service' });
    tables.authorizations.push({ consumer: 'tp', contract: contract.namespace, logicalAddress: '01', filters: [] });
    const written = takApiResponses(tables, { platform: 'NTJP-TEST', snapshotTime: '2026-01-01T00:00:00+0100' }) as Map<Endpoint, Json[]>;
    const back = readTakApi(written);
    expect(back.platform).toBe('NTJP-TEST');
    expect(back.tables.routing).toEqual(tables.routing);
    expect(back.tables.authorizations).toEqual(tables.authorizations);
    expect(back.installed).toEqual([contract.namespace]);
  });
});
