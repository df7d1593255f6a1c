import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTakExport } from '../tak-export/read';
import { emptyTables, type TakTables } from '../tak/tables';
import { previousDay, yearsLater } from '../../model/days';
import { orderTimestamp } from './dates';
import { executeOrder } from './execute';
import { readOrder } from './read';
import { validateOrderSchema } from './schema';
import { emptySection, type Order } from './types';
import official from './jsonBestallningSchema.json';

const examples = path.join(__dirname, '../../../test/plan/fixtures');
const example = (name: string) => readFileSync(path.join(examples, name), 'utf8');

const GET_FORMS = 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2';
const PRODUCER = 'SE5565594230-B9P';
const CONSUMER = 'SE2321000016-A1B2';
const UNIT = 'SE2321000016-0001';

function order(parts: Partial<Order> = {}): Order {
  return {
    plattform: 'NTJP-QA',
    formatVersion: 1,
    version: 1,
    bestallningsTidpunkt: '2026-10-01T08:00:00+0000',
    genomforandeTidpunkt: '2026-10-01T08:00:00+0000',
    utforare: 'test',
    kommentar: '',
    inkludera: emptySection(),
    exkludera: emptySection(),
    ...parts,
  };
}

function tables(): TakTables {
  const t = emptyTables();
  t.components.set(PRODUCER.toLowerCase(), { hsaId: PRODUCER, description: 'Formulärmotorn' });
  t.components.set(CONSUMER.toLowerCase(), { hsaId: CONSUMER, description: 'Journal' });
  t.contracts.set(GET_FORMS.toLowerCase(), { namespace: GET_FORMS, description: 'GetForms', major: 2, minor: 0 });
  t.logicalAddresses.set(UNIT.toLowerCase(), { hsaId: UNIT, description: 'Vårdcentral' });
  return t;
}

const vagval = (adress: string, la = UNIT) => ({ adress, logiskAdress: la, tjanstekontrakt: GET_FORMS, rivtaprofil: 'RIVTABP21', tjanstekomponent: PRODUCER });
const options = { platform: 'NTJP-QA', now: new Date('2026-10-01T08:00:00Z') };

describe('order schema', () => {
  it('works around the official schema, which a strict validator refuses as it stands', () => {
    expect(() => new Ajv({ strict: true }).compile(official)).toThrow(/bestallningsTidpunkt\/type/);
    expect(validateOrderSchema(order())).toEqual([]);
  });

  it('checks what is written strictly: integers, a string kommentar, both sections, five fields per vagval', () => {
    const bad = { ...order(), formatVersion: '1.0', kommentar: null } as unknown;
    expect(validateOrderSchema(bad)).toEqual(['formatVersion must be integer', 'kommentar must be string']);
    const excluded = order({ exkludera: { ...emptySection(), vagval: [{ logiskAdress: UNIT, tjanstekontrakt: GET_FORMS, tjanstekomponent: PRODUCER }] } });
    expect(validateOrderSchema(excluded)).toEqual(["exkludera.vagval.0 must have required property 'adress'", "exkludera.vagval.0 must have required property 'rivtaprofil'"]);
    expect(validateOrderSchema(excluded, 'read')).toEqual([]);
  });

  it('accepts regional platform ids, and timestamps only as yyyy-MM-ddTHH:mm:ssZ', () => {
    expect(validateOrderSchema(order({ plattform: 'RTP-QA' }))).toEqual([]);
    expect(validateOrderSchema(order({ genomforandeTidpunkt: '2026-10-01' }))).toEqual([expect.stringMatching(/^genomforandeTidpunkt must match pattern/)]);
  });
});

describe('readOrder', () => {
  it('reads the platform fixtures and a real order as the platform does, junk around them included', () => {
    for (const name of ['bestallning-test-simple.json', 'bestallning-test-exkludera_delete.json', 'rojeras-BS-14620.json']) {
      const { order: read, errors } = readOrder(`Hej!\nHär är beställningen:\n${example(name)}\nMvh`);
      expect(errors).toEqual([]);
      expect(read!.formatVersion).toBe(1);
      expect(read!.version).toBe(1);
      expect(read!.exkludera.logiskadresser).toEqual([]);
    }
    expect(readOrder(example('rojeras-BS-14620.json')).order!.inkludera.vagval[0].tjanstekomponent).toBe('SE5565594230-B8N');
  });

  it('accepts a missing exkludera and null kommentar, and says what is wrong otherwise', () => {
    const text = JSON.stringify({ plattform: 'NTJP-QA', formatVersion: '1', version: '1', kommentar: null, genomforandeTidpunkt: '2026-10-01T08:00:00+0000', inkludera: { vagval: null } });
    const { order: read } = readOrder(text);
    expect(read!.exkludera).toEqual(emptySection());
    expect(read!.kommentar).toBeUndefined();
    expect(readOrder('no order here').errors).toEqual(['the order has no JSON object ({…}) in it']);
    expect(readOrder('{"plattform": }').errors[0]).toMatch(/^the order is not valid JSON/);
    expect(readOrder('{"plattform": "NTJP-QA", "inkludera": {}}').errors).toEqual(["the order must have required property 'genomforandeTidpunkt'"]);
  });
});

describe('dates', () => {
  it('writes the platform timestamp and computes the +100 years and day-before dates', () => {
    expect(orderTimestamp(new Date('2026-03-04T05:06:07Z'))).toBe('2026-03-04T05:06:07+0000');
    expect(yearsLater('2024-02-29', 100)).toBe('2124-02-29');
    expect(yearsLater('2028-02-29', 101)).toBe('2129-02-28');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });
});

describe('executeOrder', () => {
  it('refuses an order for another platform, in the platform words, and applies nothing', () => {
    const t = tables();
    const result = executeOrder(t, order({ plattform: 'NTJP-PROD', inkludera: { ...emptySection(), vagval: [vagval('https://a.example.se/x')] } }), options);
    expect(result.errors).toEqual(['Beställningen avser plattform NTJP-PROD, men den här instansen av tak-web hanterar NTJP-QA.']);
    expect(result.tables.routing).toHaveLength(0);
  });

  it('creates routing and authorization from the execution date for 100 years', () => {
    const inkludera = { ...emptySection(), vagval: [vagval('https://a.example.se/x')], anropsbehorigheter: [{ logiskAdress: UNIT, tjanstekontrakt: GET_FORMS, tjanstekonsument: CONSUMER }] };
    const { tables: t, errors } = executeOrder(tables(), order({ inkludera }), options);
    expect(errors).toEqual([]);
    expect(t.routing).toEqual([{ contract: GET_FORMS, logicalAddress: UNIT, producer: PRODUCER, profile: 'RIVTABP21', url: 'https://a.example.se/x', from: '2026-10-01', to: '2126-10-01' }]);
    expect(t.authorizations[0]).toMatchObject({ consumer: CONSUMER, from: '2026-10-01', to: '2126-10-01', integrationAgreement: 'AUTOTAKNING' });
  });

  it('replaces a routing whose URL changed (one include), and extends one that is the same', () => {
    const t = tables();
    t.routing.push({ contract: GET_FORMS, logicalAddress: UNIT.toLowerCase(), producer: PRODUCER, profile: 'RIVTABP21', url: 'https://old.example.se/x', from: '2020-01-01', to: '2120-01-01' });
    const changed = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval('https://new.example.se/x')] } }), options);
    expect(changed.errors).toEqual([]);
    expect(changed.tables.routing.map((r) => [r.url, r.from, r.to])).toEqual([
      ['https://old.example.se/x', '2020-01-01', '2026-09-30'],
      ['https://new.example.se/x', '2026-10-01', '2126-10-01'],
    ]);
    expect(t.routing[0].to).toBe('2120-01-01');
    const same = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval('https://old.example.se/x')] } }), options);
    expect(same.tables.routing.map((r) => [r.url, r.from, r.to])).toEqual([['https://old.example.se/x', '2020-01-01', '2126-10-01']]);
  });

  it('end-dates what is in effect and soft-deletes what has not started; ignores what does not exist', () => {
    const t = tables();
    t.authorizations.push({ consumer: CONSUMER, contract: GET_FORMS, logicalAddress: UNIT, from: '2020-01-01', to: '2120-01-01', filters: [] });
    t.routing.push({ contract: GET_FORMS, logicalAddress: UNIT, producer: PRODUCER, profile: 'RIVTABP21', url: 'https://a.example.se/x', from: '2027-01-01', to: '2127-01-01' });
    const exkludera = {
      ...emptySection(),
      vagval: [vagval('https://a.example.se/x'), vagval('https://a.example.se/x', 'SE2321000016-9999')],
      anropsbehorigheter: [{ logiskAdress: UNIT, tjanstekontrakt: GET_FORMS, tjanstekonsument: CONSUMER }],
    };
    const { tables: out, errors } = executeOrder(t, order({ exkludera }), options);
    expect(errors).toEqual([]);
    expect(out.routing).toEqual([]);
    expect(out.authorizations[0].to).toBe('2026-09-30');
  });

  it('refuses duplicates, unknown references, unknown profiles and empty fields, applying nothing', () => {
    const inkludera = {
      ...emptySection(),
      vagval: [vagval('https://a.example.se/x'), { ...vagval('https://b.example.se/x'), logiskAdress: UNIT.toLowerCase() }],
      anropsbehorigheter: [{ logiskAdress: 'SE2321000016-0002', tjanstekontrakt: GET_FORMS, tjanstekonsument: CONSUMER }],
    };
    const dup = executeOrder(tables(), order({ inkludera, exkludera: { ...emptySection(), vagval: [{ ...vagval(''), adress: undefined, tjanstekomponent: ' ' }] } }), options);
    expect(dup.errors).toEqual([
      `Vägval med logisk adress ${UNIT.toLowerCase()} och tjänstekontrakt ${GET_FORMS} förekommer mer än en gång i beställningen.`,
      `Vägval med logisk adress ${UNIT} och tjänstekontrakt ${GET_FORMS} förekommer mer än en gång i beställningen.`,
      expect.stringMatching(/^Vägval att ta bort saknar obligatoriska fält \(tjanstekomponent\)/),
    ]);
    const missing = executeOrder(tables(), order({ inkludera: { ...inkludera, vagval: [{ ...vagval('https://a.example.se/x'), rivtaprofil: 'RIVTABP99' }] } }), options);
    expect(missing.errors).toEqual([
      'RIV-TA-profil RIVTABP99 finns inte i TAK.',
      'Logisk adress SE2321000016-0002 finns inte i TAK och ingår inte i beställningen.',
    ]);
    expect(missing.tables.routing).toHaveLength(0);
  });

  it('creates new objects upper-cased, drops existing ones, and lets included items refer to them', () => {
    const inkludera = {
      ...emptySection(),
      logiskadresser: [{ hsaId: 'se2321000016-0002', beskrivning: 'Ny enhet' }, { hsaId: UNIT.toLowerCase(), beskrivning: 'Ändrad text' }],
      vagval: [vagval('https://a.example.se/x', 'SE2321000016-0002')],
    };
    const { tables: t, errors } = executeOrder(tables(), order({ inkludera }), options);
    expect(errors).toEqual([]);
    expect(t.logicalAddresses.get('se2321000016-0002')).toEqual({ hsaId: 'SE2321000016-0002', description: 'Ny enhet' });
    expect(t.logicalAddresses.get(UNIT.toLowerCase())!.description).toBe('Vårdcentral');
    expect(t.routing[0].logicalAddress).toBe('SE2321000016-0002');
  });

  it('refuses an include when more than one routing overlaps the new period', () => {
    const t = tables();
    const row = { contract: GET_FORMS, logicalAddress: UNIT, producer: PRODUCER, profile: 'RIVTABP21', url: 'https://a.example.se/x' };
    t.routing.push({ ...row, from: '2020-01-01', to: '2026-12-31' }, { ...row, from: '2027-01-01', to: '2127-01-01' });
    const { errors } = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval('https://b.example.se/x')] } }), options);
    expect(errors).toEqual([expect.stringMatching(/^Det finns mer än ett vagval med logisk adress/)]);
  });
});

describe('review against the platform', () => {
  it('takes the execution day in the catalog\'s time zone (Stockholm), as it stores a DATE', () => {
    const t = tables();
    t.authorizations.push({ consumer: CONSUMER, contract: GET_FORMS, logicalAddress: UNIT, from: '2020-01-01', to: '2120-01-01', filters: [] });
    const late = '2026-09-30T22:30:00+0000'; // 1 October, 00:30 in Stockholm
    const inkludera = { ...emptySection(), vagval: [vagval('https://a.example.se/x')] };
    const exkludera = { ...emptySection(), anropsbehorigheter: [{ logiskAdress: UNIT, tjanstekontrakt: GET_FORMS, tjanstekonsument: CONSUMER }] };
    const { tables: out, errors } = executeOrder(t, order({ genomforandeTidpunkt: late, inkludera, exkludera }), options);
    expect(errors).toEqual([]);
    expect(out.routing[0]).toMatchObject({ from: '2026-10-01', to: '2126-10-01' });
    expect(out.authorizations[0].to).toBe('2026-09-30');
  });

  it('refuses an exkludera list that is not a list, without a stack trace', () => {
    const text = JSON.stringify({ plattform: 'NTJP-QA', genomforandeTidpunkt: '2026-10-01T08:00:00+0000', inkludera: {}, exkludera: { tjanstekontrakt: {} } });
    expect(readOrder(text).errors).toEqual([expect.stringMatching(/^exkludera\.tjanstekontrakt must be/)]);
  });

  it('checks the characters of an address only when the order creates it, as the catalog validates new rows only', () => {
    const legacy = 'http://legacy.example.se/x?service=GetForms';
    const t = tables();
    t.routing.push({ contract: GET_FORMS, logicalAddress: UNIT, producer: PRODUCER, profile: 'RIVTABP21', url: legacy, from: '2020-01-01', to: '2120-01-01' });
    const again = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval(legacy)] } }), options);
    expect(again.errors).toEqual([]);
    expect(again.tables.routing).toEqual([expect.objectContaining({ url: legacy, from: '2020-01-01', to: '2126-10-01' })]);
    const other = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval(legacy, 'SE2321000016-0002')], logiskadresser: [{ hsaId: 'SE2321000016-0002', beskrivning: 'x' }] } }), options);
    expect(other.errors).toEqual([]);
    const fresh = executeOrder(t, order({ inkludera: { ...emptySection(), vagval: [vagval('https://new.example.se/x?a=b')] } }), options);
    expect(fresh.errors).toEqual(['Anropsadress https://new.example.se/x?a=b innehåller otillåtna tecken eller har fel längd.']);
  });
});

describe('the platform fixtures executed against the catalog\'s own export', () => {
  const catalog = () => readTakExport(readFileSync(path.join(__dirname, '../../../test/fixtures/formats/tak-core-test-export.json'), 'utf8')).tables;
  const at = { platform: 'SKLTP-TEST', now: new Date('2022-12-14T12:00:00Z') };
  const PING = 'urn:riv:itinfra:tp:PingResponder:1';

  it('soft-deletes what starts after the execution day, matching TP and SCHEDULR case-insensitively', () => {
    const t = catalog();
    const url = 'http://33.33.33.33:8080/Schedulr-0.1/ws/GetSubjectOfCareSchedule/1';
    t.routing.push({ contract: PING, logicalAddress: 'HSA-VKK123', producer: 'Schedulr', profile: 'RIVTABP21', url, from: '2023-01-01', to: '2123-01-01' });
    t.authorizations.push({ consumer: 'tp', contract: PING, logicalAddress: 'HSA-VKK123', from: '2023-01-01', to: '2123-01-01', filters: [] });
    const { tables: out, errors } = executeOrder(t, readOrder(example('bestallning-test-exkludera_delete.json')).order!, at);
    expect(errors).toEqual([]);
    expect(out.routing).toHaveLength(t.routing.length - 1);
    expect(out.authorizations).toHaveLength(t.authorizations.length - 1);
    expect(out.routing.some((r) => r.contract === PING && r.logicalAddress === 'HSA-VKK123')).toBe(false);
    // Nothing to exclude any more: the same order now changes nothing.
    expect(executeOrder(out, readOrder(example('bestallning-test-exkludera_delete.json')).order!, at)).toEqual({ tables: out, errors: [] });
  });

  it('creates the simple order\'s objects and rows from its execution day', () => {
    const { tables: out, errors } = executeOrder(catalog(), readOrder(example('bestallning-test-simple.json')).order!, at);
    expect(errors).toEqual([]);
    expect(out.routing.at(-1)).toEqual({
      contract: 'urn:riv:clinicalprocess:activity:actions:GetActivitiesResponder:2',
      logicalAddress: 'TEST-001',
      producer: 'PROD-001',
      profile: 'RIVTABP21',
      url: 'https://test.se',
      from: '2022-12-14',
      to: '2122-12-14',
    });
    expect(out.authorizations.at(-1)).toMatchObject({ consumer: 'KONS-001', integrationAgreement: 'AUTOTAKNING', from: '2022-12-14' });
  });
});
