/**
 * A realistic catalog export built in code, with the quirks real exports have: both key casings of
 * relationships, soft-deleted rows (`deleted: null`), expired rows, a legacy namespace, lower-case
 * HSA-ids, identifiers that look like numbers, two routing rows for one pair, an authorization
 * without routing, and authorization filters. It also says which rows are valid on `today`, so a
 * test can compare what comes back with what went in.
 */
export interface BuiltExport {
  json: string;
  /** `contract|la|producer|profile|url` of the rows valid on the day (natural keys lower-cased, URL as is). */
  routing: string[];
  /** `consumer|contract|la` of the authorizations valid on the day. */
  authorizations: string[];
}

export const routingSignature = (r: { contract: string; logicalAddress: string; producer: string; profile: string; url: string }) =>
  `${r.contract}|${r.logicalAddress}|${r.producer}|${r.profile}`.toLowerCase() + `|${r.url}`;
export const authorizationSignature = (a: { consumer: string; contract: string; logicalAddress: string }) =>
  `${a.consumer}|${a.contract}|${a.logicalAddress}`.toLowerCase();

export function buildExport(options: { units: number; messy: boolean }): BuiltExport {
  const data: Record<string, Record<string, unknown>[]> = {
    rivtaprofil: [
      { id: 1, namn: 'RIVTABP20', beskrivning: 'RIV TA BP 2.0', pubversion: '1' },
      { id: 2, namn: 'RIVTABP21', beskrivning: 'RIV TA BP 2.1', pubversion: '1' },
    ],
    tjanstekontrakt: [],
    logiskadress: [],
    tjanstekomponent: [],
    anropsadress: [],
    vagval: [],
    anropsbehorighet: [],
    filter: [],
    filtercategorization: [],
  };
  const routing: string[] = [];
  const authorizations: string[] = [];
  const add = (table: string, row: Record<string, unknown>) => {
    const id = data[table].length + 1;
    data[table].push({ id, pubversion: '1', ...row });
    return id;
  };
  const open = { fromTidpunkt: '2015-03-01T23:00:00+0000', tomTidpunkt: '2115-03-01T23:00:00+0000' };
  const ended = { fromTidpunkt: '2015-03-01T23:00:00+0000', tomTidpunkt: '2019-12-31T00:00:00+0100' };

  const contracts = ['GetCareContacts:3', 'GetReferralOutcome:3', 'GetLaboratoryOrderOutcome:4'].map((c) => {
    const [name, major] = c.split(':');
    const namespace = `urn:riv:clinicalprocess:healthcond:description:${name}Responder:${major}`;
    return { namespace, id: add('tjanstekontrakt', { namnrymd: namespace, beskrivning: name, majorVersion: Number(major), minorVersion: 1 }) };
  });
  const producer = { hsaId: 'SE2321000016-7P11', id: add('tjanstekomponent', { hsaId: 'SE2321000016-7P11', beskrivning: 'Region Exempel journal (producent)' }) };
  const other = { hsaId: 'SE5565594230-B9P', id: add('tjanstekomponent', { hsaId: 'SE5565594230-B9P', beskrivning: 'Formulärmotorn' }) };
  const consumer = { hsaId: 'SE2321000016-A1B2', id: add('tjanstekomponent', { hsaId: 'SE2321000016-A1B2', beskrivning: 'Invånartjänst' }) };
  add('tjanstekomponent', { hsaId: 'SE2321000016-GONE', beskrivning: 'removed system', deleted: null });
  const endpoints = contracts.map((_contract, i) =>
    add('anropsadress', { adress: `https://journal.example.se/${i}/rivtabp21`, relationships: { rivtaprofil: 2, tjanstekomponent: producer.id } }),
  );
  const units = Array.from({ length: options.units }, (_, i) => {
    const hsaId = `SE2321000016-${(0x1000 + i).toString(16).toUpperCase()}`;
    return { hsaId, id: add('logiskadress', { hsaId, beskrivning: `VE: Vårdcentral ${i}` }) };
  });
  units.forEach((la, u) => {
    contracts.forEach((c, i) => {
      const key = u % 2 === 0 ? 'logiskadress' : 'logiskAdress';
      add('vagval', { ...open, relationships: { anropsadress: endpoints[i], [key]: la.id, tjanstekontrakt: c.id } });
      routing.push(routingSignature({ contract: c.namespace, logicalAddress: la.hsaId, producer: producer.hsaId, profile: 'RIVTABP21', url: `https://journal.example.se/${i}/rivtabp21` }));
      const consumerKey = u % 3 === 0 ? 'tjanstekomponent' : 'tjanstekonsument';
      const auth = add('anropsbehorighet', { integrationsavtal: u % 5 === 0 ? 'AUTOTAKNING' : 'IA-2015-17', ...open, relationships: { logiskAdress: la.id, [consumerKey]: consumer.id, tjanstekontrakt: c.id } });
      authorizations.push(authorizationSignature({ consumer: consumer.hsaId, contract: c.namespace, logicalAddress: la.hsaId }));
      if (u % 7 === 0 && i === 0) {
        const filter = add('filter', { servicedomain: 'urn:riv:clinicalprocess:healthcond:description', relationships: { anropsbehorighet: auth } });
        add('filtercategorization', { category: 'voo', relationships: { filter } });
      }
    });
  });
  // An expired routing row and a soft-deleted one, for an address that has live rows too.
  const oldEndpoint = add('anropsadress', { adress: 'https://old.example.se/x', relationships: { rivtaprofil: 1, tjanstekomponent: other.id } });
  add('vagval', { ...ended, relationships: { anropsadress: oldEndpoint, logiskadress: units[1].id, tjanstekontrakt: contracts[0].id } });
  add('vagval', { ...open, deleted: null, relationships: { anropsadress: oldEndpoint, logiskadress: units[2].id, tjanstekontrakt: contracts[0].id } });
  add('anropsbehorighet', { integrationsavtal: 'OLD', ...ended, relationships: { logiskAdress: units[3].id, tjanstekonsument: other.id, tjanstekontrakt: contracts[1].id } });

  // County code and organisation number as logical addresses (must be written quoted).
  const county = add('logiskadress', { hsaId: '01', beskrivning: 'Stockholm (länskod)' });
  const org = add('logiskadress', { hsaId: '5565594230', beskrivning: 'Inera' });
  const countyEndpoint = add('anropsadress', { adress: 'https://lan.example.se/01', relationships: { rivtaprofil: 2, tjanstekomponent: other.id } });
  add('vagval', { ...open, relationships: { anropsadress: countyEndpoint, logiskadress: county, tjanstekontrakt: contracts[2].id } });
  routing.push(routingSignature({ contract: contracts[2].namespace, logicalAddress: '01', producer: other.hsaId, profile: 'RIVTABP21', url: 'https://lan.example.se/01' }));
  add('anropsbehorighet', { integrationsavtal: 'I1', ...open, relationships: { logiskAdress: county, tjanstekonsument: consumer.id, tjanstekontrakt: contracts[2].id } });
  authorizations.push(authorizationSignature({ consumer: consumer.hsaId, contract: contracts[2].namespace, logicalAddress: '01' }));

  if (options.messy) {
    const legacy = 'http://nationellpatientoversikt.se:SendStatus';
    const legacyId = add('tjanstekontrakt', { namnrymd: legacy, beskrivning: 'NPÖ SendStatus', majorVersion: 1, minorVersion: 0 });
    const tp = add('tjanstekomponent', { hsaId: 'tp', beskrivning: 'tp test client' });
    const tpEndpoint = add('anropsadress', { adress: 'http://localhost:10000/test/Ping_Service', relationships: { rivtaprofil: 1, tjanstekomponent: tp } });
    add('vagval', { ...open, relationships: { anropsadress: tpEndpoint, logiskadress: org, tjanstekontrakt: legacyId } });
    routing.push(routingSignature({ contract: legacy, logicalAddress: '5565594230', producer: 'tp', profile: 'RIVTABP20', url: 'http://localhost:10000/test/Ping_Service' }));
    // Two routing rows for one pair (the platform's VP006 case), overlapping in time.
    const second = add('anropsadress', { adress: 'https://second.example.se/0', relationships: { rivtaprofil: 2, tjanstekomponent: other.id } });
    add('vagval', { ...open, relationships: { anropsadress: second, logiskadress: units[0].id, tjanstekontrakt: contracts[0].id } });
    routing.push(routingSignature({ contract: contracts[0].namespace, logicalAddress: units[0].hsaId, producer: other.hsaId, profile: 'RIVTABP21', url: 'https://second.example.se/0' }));
    // An authorization with no routing behind it.
    add('anropsbehorighet', { integrationsavtal: 'I9', ...open, relationships: { logiskAdress: org, tjanstekomponent: tp, tjanstekontrakt: contracts[1].id } });
    authorizations.push(authorizationSignature({ consumer: 'tp', contract: contracts[1].namespace, logicalAddress: '5565594230' }));
  }
  const json = JSON.stringify({ formatVersion: '1', version: '64', tidpunkt: '2026-05-30T02:00:00+0200', utforare: 'tak', kommentar: 'nightly', data }, null, 1);
  return { json, routing: routing.sort(), authorizations: authorizations.sort() };
}
