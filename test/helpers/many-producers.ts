/**
 * A catalog export (the platform's tak-export JSON) with `n` producers, each with its own logical
 * address, routing and an authorization for one consumer: an import of it writes some 2n files.
 * `variant` goes into every URL and agreement, so that two variants differ in every connection file.
 */
export function manyProducers(n: number, variant: string): string {
  const open = { fromTidpunkt: '2015-03-01T23:00:00+0000', tomTidpunkt: '2115-03-01T23:00:00+0000' };
  const tables = ['rivtaprofil', 'tjanstekontrakt', 'logiskadress', 'tjanstekomponent', 'anropsadress', 'vagval', 'anropsbehorighet', 'filter', 'filtercategorization'];
  const data: Record<string, Record<string, unknown>[]> = Object.fromEntries(tables.map((t) => [t, []]));
  const add = (table: string, row: Record<string, unknown>) => data[table].push({ id: data[table].length + 1, pubversion: '1', ...row });
  const profile = add('rivtaprofil', { namn: 'RIVTABP21', beskrivning: 'RIV TA BP 2.1' });
  const contract = add('tjanstekontrakt', { namnrymd: 'urn:riv:clinicalprocess:healthcond:description:GetCareContactsResponder:3', beskrivning: 'GetCareContacts', majorVersion: 3, minorVersion: 1 });
  const consumer = add('tjanstekomponent', { hsaId: 'SE2321000016-A1B2', beskrivning: 'Invånartjänst' });
  for (let i = 0; i < n; i++) {
    const hsaId = `SE2321000016-${(0x1000 + i).toString(16).toUpperCase()}`;
    const producer = add('tjanstekomponent', { hsaId, beskrivning: `Producent ${i}` });
    const address = add('logiskadress', { hsaId, beskrivning: `Vårdcentral ${i}` });
    const url = add('anropsadress', { adress: `https://p${i}.example.se/${variant}/GetCareContacts`, relationships: { rivtaprofil: profile, tjanstekomponent: producer } });
    add('vagval', { ...open, relationships: { anropsadress: url, logiskadress: address, tjanstekontrakt: contract } });
    add('anropsbehorighet', { integrationsavtal: `IA-${variant}`, ...open, relationships: { logiskAdress: address, tjanstekonsument: consumer, tjanstekontrakt: contract } });
  }
  return JSON.stringify({ formatVersion: '1', version: '1', tidpunkt: '2026-05-30T02:00:00+0200', utforare: 'tak', kommentar: variant, data });
}
