/**
 * base + order = head: the order `tak plan` builds, executed with the platform's semantics against
 * the base's catalog rows, gives the routing entries and authorizations the head declares (those in
 * effect on the execution day), on the example data and on a synthetic repository of 50k entries.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { orderSize } from '../../src/formats/order/types';
import { readState, readWorkingTree } from '../../src/pipeline';
import { WorkingTreeReader } from '../../src/load/reader';
import type { ParseCache } from '../../src/load';
import { copyExample, edit, roundTrip } from './support';

const now = new Date('2026-11-02T09:30:00Z');

describe('round trip: base + order = head', () => {
  it('on the example data, with a URL change, a removal, a new logical address, a new system and a deleted file', async () => {
    const baseRoot = copyExample();
    const headRoot = copyExample();
    try {
      const forms = 'environments/qa/connections/forminteraction-region-exempel.yaml';
      edit(headRoot, forms, (t) =>
        t
          .replace('https://formular.qa.example.se/forminteraction/GetForms/2/rivtabp21', 'https://formular2.qa.example.se/GetForms/2/rivtabp21')
          .replace(/logicalAddresses: \[SE5565594230-B9P\]/g, 'logicalAddresses: [SE5565594230-B9P, SE2321000016-0001]')
          .replace('consumer: SE2321000016-A1B2', 'consumer: SE2321000016-N3W1\n    contracts: [GetForm:2]\n    logicalAddresses: [SE5565594230-B9P]\n  - consumer: SE2321000016-A1B2'),
      );
      edit(headRoot, 'environments/qa/connections/patientportal-region-exempel.yaml', (t) =>
        t.replace('contracts: [AddMessageToPatientPortalInbox:1, IsActiveUser:1]', 'contracts: [AddMessageToPatientPortalInbox:1]'),
      );
      edit(headRoot, 'config/logical-addresses/systems.yaml', (t) => `${t}  - { hsaId: SE2321000016-0001, description: Vårdcentralen Exempel }\n`);
      writeFileSync(path.join(headRoot, 'config/systems/new-journal.yaml'), 'hsaId: SE2321000016-N3W1\nname: Nytt journalsystem\norganisation: Region Exempel\n');
      rmSync(path.join(headRoot, 'environments/qa/connections/engagementindex-region-exempel.yaml'));
      const base = (await readWorkingTree(baseRoot)).environments.get('qa')!;
      const head = (await readWorkingTree(headRoot)).environments.get('qa')!;
      const order = roundTrip(base, head, now);
      expect(order.plattform).toBe('NTJP-QA');
      expect(order.inkludera.vagval.filter((v) => v.adress === 'https://formular2.qa.example.se/GetForms/2/rivtabp21')).toHaveLength(2);
      expect(order.exkludera.vagval.map((v) => v.tjanstekontrakt)).toEqual(['urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1']);
      expect(order.inkludera.logiskadresser).toEqual([{ hsaId: 'SE2321000016-0001', beskrivning: 'Vårdcentralen Exempel' }]);
      expect(order.inkludera.tjanstekomponenter).toEqual([{ hsaId: 'SE2321000016-N3W1', beskrivning: 'Nytt journalsystem' }]);
      expect(order.exkludera.anropsbehorigheter).toHaveLength(2);
    } finally {
      rmSync(baseRoot, { recursive: true, force: true });
      rmSync(headRoot, { recursive: true, force: true });
    }
  });

  it('on a synthetic repository of 50k entries with a 1% change, files split differently', async () => {
    const baseRoot = copyExample();
    const headRoot = copyExample();
    const units = Array.from({ length: 12_500 }, (_, i) => `SE2321000016-${(10_000 + i).toString(36).toUpperCase()}`);
    const fresh = Array.from({ length: 125 }, (_, i) => `SE2321000016-N${i}`);
    try {
      const catalog = (list: string[]) => `logicalAddresses:\n${list.map((u) => `  - { hsaId: ${u}, description: Enhet ${u} }`).join('\n')}\n`;
      const connection = (list: string[], url: (i: number) => string) =>
        [
          'prestudy: { ref: FS-2026-0142, approved: 2026-10-01 }',
          'routing:',
          ...[0, 1].flatMap((i) => [
            '  - producer: SE5565594230-B9P',
            '    profile: RIVTABP21',
            `    contracts: { ${i === 0 ? 'GetForms:2' : 'GetForm:2'}: ${url(i)} }`,
            `    logicalAddresses: [${list.join(', ')}]`,
          ]),
          'authorizations:',
          '  - consumer: SE2321000016-A1B2',
          '    contracts: [GetForms:2, GetForm:2]',
          `    logicalAddresses: [${list.join(', ')}]`,
          '',
        ].join('\n');
      const url = (i: number) => `https://formular.qa.example.se/mass/${i}`;
      const write = (root: string, file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      write(baseRoot, 'config/logical-addresses/units.yaml', catalog(units));
      write(headRoot, 'config/logical-addresses/units.yaml', catalog(units));
      write(headRoot, 'config/logical-addresses/new-units.yaml', catalog(fresh));
      // base: 10 files of 1,250 units; head: 5 files of 2,500 (moved and split), 125 units removed,
      // 125 added, and a new URL for GetForm:2 in the last file (1,250 routing entries).
      for (let f = 0; f < 10; f++) write(baseRoot, `environments/qa/connections/mass-${f}.yaml`, connection(units.slice(f * 1250, (f + 1) * 1250), url));
      const kept = [...units.slice(125), ...fresh];
      for (let f = 0; f < 5; f++) {
        const list = kept.slice(f * 2500, (f + 1) * 2500);
        write(headRoot, `environments/qa/mass/part-${f}.yaml`, connection(list, f === 4 ? (i) => (i === 1 ? 'https://formular2.qa.example.se/mass/1' : url(i)) : url));
      }
      const cache: ParseCache = new Map();
      const base = (await readState(new WorkingTreeReader(baseRoot), cache)).environments.get('qa')!;
      const head = (await readState(new WorkingTreeReader(headRoot), cache)).environments.get('qa')!;
      expect(head.routing.length + head.authorizations.length).toBeGreaterThanOrEqual(50_000);
      const order = roundTrip(base, head, now);
      expect(order.exkludera.vagval).toHaveLength(250);
      // 125 new units x GetForms:2, and 2,500 units of the last file with GetForm:2's new URL (125 of them new)
      expect(order.inkludera.vagval).toHaveLength(125 + 2500);
      expect(order.inkludera.logiskadresser).toHaveLength(125);
      expect(orderSize(order)).toBe(250 + 2625 + 250 + 250 + 125);
    } finally {
      rmSync(baseRoot, { recursive: true, force: true });
      rmSync(headRoot, { recursive: true, force: true });
    }
  });
});
