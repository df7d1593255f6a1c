import { FORMS, gate } from '../test/helpers/gate';
import { baseFiles, CONSUMER, PRODUCER } from '../test/helpers/minimal-repo';
import deactivatedNothingNew from './deactivated-nothing-new';

const deactivated = `hsaId: ${CONSUMER}\nname: Journal\norganisation: Region Exempel\ndeactivated: { date: 2026-09-01 }\n`;
const moreUnits = (units: string[]) =>
  `logicalAddresses:\n${[PRODUCER, ...units].map((u) => `  - { hsaId: ${u}, description: Enhet }`).join('\n')}\n`;

describe('deactivated-nothing-new', () => {
  it('lets a deactivated system keep what it had, even when its files move', async () => {
    const head = { 'config/systems/consumer.yaml': deactivated, [FORMS]: null, 'environments/test/moved.yaml': baseFiles[FORMS] };
    expect(await gate(deactivatedNothingNew, {}, head)).toEqual([]);
  });

  it('reports new authorizations for a deactivated consumer, once per group', async () => {
    const head = {
      'config/systems/consumer.yaml': deactivated,
      'config/logical-addresses/units.yaml': moreUnits(['SE2321000016-0001', 'SE2321000016-0002']),
      [FORMS]: baseFiles[FORMS].replace(/logicalAddresses: \[SE5565594230-B9P\]\n$/, 'logicalAddresses: [SE5565594230-B9P, SE2321000016-0001, SE2321000016-0002]\n'),
    };
    expect(await gate(deactivatedNothingNew, {}, head)).toEqual([
      `${FORMS}:10 consumer Journal (${CONSUMER}) was deactivated on 2026-09-01 and gets nothing new, but this adds 2 authorizations the base does not have (the first: urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at SE2321000016-0001)`,
    ]);
  });
});
