import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { emptyTables, type AuthorizationRow, type RoutingRow } from '../tak/tables';
import type { Authorization, RoutingEntry } from '../../model/state';
import { naturalKey } from '../../model/syntax';
import { readVpCache, stateVpCacheChunks, vpCacheChunks, writeVpCache, VpCacheError } from '.';

// The VP's own test file, verbatim (skltp/takcache: src/test/resources/tklocalcache-test.xml).
const example = readFileSync(path.join(__dirname, 'fixtures/tklocalcache-test.xml'), 'utf8');

const route = (over: Partial<RoutingRow> = {}): RoutingRow => ({
  contract: 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2',
  logicalAddress: 'SE5565594230-B9P',
  producer: 'SE5565594230-B9P',
  profile: 'RIVTABP21',
  url: 'https://formular.qa.example.se/GetForms/2/rivtabp21',
  ...over,
});
const grant = (over: Partial<AuthorizationRow> = {}): AuthorizationRow => ({
  consumer: 'SE2321000016-A1B2',
  contract: 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2',
  logicalAddress: 'SE5565594230-B9P',
  filters: [],
  ...over,
});
const tables = (routing: RoutingRow[], authorizations: AuthorizationRow[]) => ({ ...emptyTables(), routing, authorizations });

describe('readVpCache', () => {
  it('reads the file the VP itself persisted', () => {
    const cache = readVpCache(example);
    expect(cache.routing).toEqual([
      {
        id: 'a',
        logicalAddress: 'vp-test-producer',
        profile: 'RIVTABP20',
        contract: 'urn:riv:domain:subdomain:GetProductDetailResponder:1',
        from: '2013-08-09',
        to: '2023-08-09',
        url: 'https://localhost:19000/vardgivare-b/tjanst1',
      },
    ]);
    expect(cache.authorizations).toEqual([
      {
        id: 'a',
        logicalAddress: 'vp-test-producer',
        consumer: 'tp',
        contract: 'urn:riv:domain:subdomain:GetProductDetailResponder:1',
        from: '2013-08-09',
        to: '2023-08-09',
        filters: [],
      },
    ]);
  });

  it('reads the catalog\'s own "+100 years at midnight" as an open end', () => {
    const xml = writeVpCache(tables([route({ from: '2014-08-13' })], [])).replace(
      /<ns2:tomTidpunkt>[^<]+</,
      '<ns2:tomTidpunkt>2114-08-12T22:00:00Z<',
    );
    expect(readVpCache(xml).routing[0]).toMatchObject({ from: '2014-08-13' });
    expect(readVpCache(xml).routing[0].to).toBeUndefined();
  });

  it('refuses what is not a VP cache, saying where', () => {
    expect(() => readVpCache('<persistentCache><virtualiseringsInfo></persistentCache>')).toThrow(/line 1/);
    expect(() => readVpCache('<other/>')).toThrow(VpCacheError);
    expect(() => readVpCache(example.replace(/<ns2:adress>[^<]*<\/ns2:adress>/, ''))).toThrow(/virtualiseringsInfo #1 has no adress/);
  });
});

describe('writeVpCache', () => {
  it('writes the layout of the VP\'s own file byte for byte', () => {
    const row = route({
      logicalAddress: 'vp-test-producer',
      profile: 'RIVTABP20',
      contract: 'urn:riv:domain:subdomain:GetProductDetailResponder:1',
      url: 'https://localhost:19000/vardgivare-b/tjanst1',
      from: '2013-08-09',
      to: '2023-08-09',
    });
    const auth = grant({ logicalAddress: 'vp-test-producer', consumer: 'tp', contract: row.contract, from: '2013-08-09', to: '2023-08-09' });
    const ours = writeVpCache(tables([row], [auth]));
    const ids = [...ours.matchAll(/<ns2:\w+InfoId>([^<]+)</g)].map((m) => m[1]);
    const expected = example
      .replace(/virtualiseringsInfoId>a</, `virtualiseringsInfoId>${ids[0]}<`)
      .replace(/anropsBehorighetsInfoId>a</, `anropsBehorighetsInfoId>${ids[1]}<`)
      .replace(/<ns2:fromTidpunkt>[^<]+</g, '<ns2:fromTidpunkt>2013-08-09T00:00:00.000+02:00<')
      .replace(/<ns2:tomTidpunkt>[^<]+</g, '<ns2:tomTidpunkt>2023-08-09T23:59:59.999+02:00<');
    expect(ours).toBe(expected);
  });

  it('writes Swedish days with the offset of the day, and open ends as the catalog does', () => {
    const xml = writeVpCache(tables([route({ from: '2026-01-15' }), route({ logicalAddress: 'X', to: '2026-07-01' })], []));
    expect(xml).toContain('<ns2:fromTidpunkt>2026-01-15T00:00:00.000+01:00</ns2:fromTidpunkt>');
    expect(xml).toContain('<ns2:tomTidpunkt>2126-01-15T00:00:00.000+01:00</ns2:tomTidpunkt>');
    expect(xml).toContain('<ns2:fromTidpunkt>2000-01-01T00:00:00.000+01:00</ns2:fromTidpunkt>');
    expect(xml).toContain('<ns2:tomTidpunkt>2026-07-01T23:59:59.999+02:00</ns2:tomTidpunkt>');
  });

  it('gives the same bytes whatever the order of the rows, and keeps an entry\'s id when others change', () => {
    const rows = [route(), route({ logicalAddress: 'SE2321000016-15H7' }), route({ logicalAddress: '01' })];
    const a = writeVpCache(tables(rows, [grant(), grant({ consumer: 'SE2321000016-B1' })]));
    const b = writeVpCache(tables([...rows].reverse(), [grant({ consumer: 'SE2321000016-B1' }), grant()]));
    expect(b).toBe(a);
    const idOf = (xml: string, la: string) => readVpCache(xml).routing.find((r) => r.logicalAddress === la)?.id;
    const more = writeVpCache(tables([...rows, route({ logicalAddress: 'SE2321000016-0001', url: 'https://other.example.se/x' })], []));
    expect(idOf(more, '01')).toBe(idOf(a, '01'));
    expect(idOf(more, 'SE2321000016-15H7')).toBe(idOf(a, 'SE2321000016-15H7'));
  });

  it('keeps ids unique when the same entry is declared twice', () => {
    const cache = readVpCache(writeVpCache(tables([route(), route()], [grant(), grant()])));
    const ids = [...cache.routing, ...cache.authorizations].map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('writes an environment\'s state as it writes the state\'s tables', () => {
    const routing = [
      route({ logicalAddress: 'SE2321000016-15H7', url: 'https://b.example.se/x' }),
      route({ logicalAddress: 'se2321000016-15h7', url: 'https://a.example.se/x' }),
      route({ from: '2026-03-29', to: '2026-10-25' }),
      route(),
      route(),
      route({ logicalAddress: '*', profile: 'RIVTABP20' }),
    ];
    const filters = [{ serviceDomain: 'urn:riv:clinicalprocess:activity:actions', categorizations: ['a&b', 'c'] }];
    const authorizations = [
      grant({ consumer: 'SE2321000016-B1', to: '2030-02-28' }),
      grant({ integrationAgreement: 'AUTOTAKNING', filters }),
      grant(),
      grant({ consumer: 'se2321000016-a1b2', from: '2026-01-01' }),
    ];
    const state = {
      routing: routing.map((r) => ({ ...r, key: naturalKey(r.contract, r.logicalAddress), validFrom: r.from, validTo: r.to }) as unknown as RoutingEntry),
      authorizations: authorizations.map((a) => ({
        ...a,
        key: naturalKey(a.consumer, a.contract, a.logicalAddress),
        validFrom: a.from,
        validTo: a.to,
        group: { decl: { consumer: a.consumer, integrationAgreement: a.integrationAgreement, filters: a.filters.length ? a.filters : undefined } },
      }) as unknown as Authorization),
    };
    expect([...stateVpCacheChunks(state, 1024)].join('')).toBe(writeVpCache(tables(routing, authorizations)));
  });

  it('gives the same document in chunks as in one piece', () => {
    const rows = Array.from({ length: 500 }, (_, i) => route({ logicalAddress: `SE2321000016-${String(i).padStart(4, '0')}` }));
    const t = tables(rows, rows.map((r) => grant({ logicalAddress: r.logicalAddress })));
    const chunks = [...vpCacheChunks(t, 4096)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(writeVpCache(t));
  });
});

describe('round trip', () => {
  it('reads back every entry the format carries', () => {
    const routing = [
      route(),
      route({ logicalAddress: '01', from: '2026-03-29', to: '2026-10-25' }),
      route({ logicalAddress: '*', profile: 'RIVTABP20', url: 'https://a.example.se/x?a=1&b=<2>' }),
      route({ contract: 'urn:riv13606:v1.1:RIV13606REQUEST_EHR_EXTRACT', from: '2099-12-31' }),
    ];
    const authorizations = [
      grant({ integrationAgreement: 'AUTOTAKNING' }),
      grant({ consumer: 'T_SERVICES_SE165565594230-109C', to: '2030-02-28' }),
      grant({ logicalAddress: 'SE', filters: [{ serviceDomain: 'urn:riv:clinicalprocess:activity:actions', categorizations: ['a&b', 'c'] }] }),
      grant({ logicalAddress: 'SE2321000016-15H7', filters: [{ serviceDomain: 'Test', categorizations: [] }, { serviceDomain: 'X', categorizations: ['y'] }] }),
    ];
    const cache = readVpCache(writeVpCache(tables(routing, authorizations)));
    const carried = (r: Omit<RoutingRow, 'producer'>) => ({ contract: r.contract, logicalAddress: r.logicalAddress, profile: r.profile, url: r.url, from: r.from, to: r.to });
    const sortBy = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
    expect(sortBy(cache.routing.map(carried))).toEqual(sortBy(routing.map(carried)));
    const grantCarried = (a: Omit<AuthorizationRow, 'integrationAgreement'>) => ({
      consumer: a.consumer,
      contract: a.contract,
      logicalAddress: a.logicalAddress,
      from: a.from,
      to: a.to,
      filters: a.filters,
    });
    expect(sortBy(cache.authorizations.map(grantCarried))).toEqual(sortBy(authorizations.map(grantCarried)));
  });
});
