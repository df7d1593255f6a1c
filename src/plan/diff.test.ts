import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildOrder } from '../formats/order/build';
import { orderSize } from '../formats/order/types';
import { readWorkingTree } from '../pipeline';
import { copyExample, edit } from '../../test/plan/support';
import { diffEnvironment, hasChanges } from './diff';

const FORMS = 'environments/qa/connections/forminteraction-region-exempel.yaml';

async function changesOf(change: (root: string) => void, env = 'qa') {
  const [base, head] = [copyExample(), copyExample()];
  try {
    change(head);
    const [b, h] = [await readWorkingTree(base), await readWorkingTree(head)];
    return diffEnvironment(b.environments.get(env), h.environments.get(env));
  } finally {
    rmSync(base, { recursive: true, force: true });
    rmSync(head, { recursive: true, force: true });
  }
}

describe('diffEnvironment', () => {
  it('sees no change when identifiers change case only', async () => {
    const c = await changesOf((root) => edit(root, FORMS, (t) => t.replace(/SE5565594230-B9P\]/g, 'se5565594230-b9p]').replace('producer: SE5565594230-B9P', 'producer: se5565594230-b9p')));
    expect(hasChanges(c)).toBe(false);
  });

  it('reports a validity change, which no order can carry, and orders nothing for entries that start later', async () => {
    const c = await changesOf((root) =>
      edit(root, FORMS, (t) => t.replace('    profile: RIVTABP21\n', '    profile: RIVTABP21\n    validTo: 2030-12-31\n').replace('  - consumer: SE2321000016-A1B2\n', '  - consumer: SE2321000016-A1B2\n    validFrom: 2027-01-01\n')),
    );
    expect(c.routing.changed).toHaveLength(6);
    expect(c.routing.changed[0]).toMatchObject({ fields: ['validity'], after: { validTo: '2030-12-31' } });
    expect(c.authorizations.changed[0].fields).toEqual(['validity']);
    const order = buildOrder(c, { now: new Date('2026-11-02T10:00:00Z') });
    expect(order.inkludera.vagval).toEqual([]);
    // The authorizations now start in 2027: on the execution day they must end.
    expect(order.exkludera.anropsbehorigheter).toHaveLength(6);
    expect(orderSize(order)).toBe(6);
  });

  it('sees no change in a system whose contact is written with its keys in another order', async () => {
    const c = await changesOf((root) =>
      edit(root, 'config/systems/formularmotorn.yaml', (t) =>
        t.replace('{ role: technical, name: Formulärmotorn support, email: formular-support@example.se }', '{ email: formular-support@example.se, name: Formulärmotorn support, role: technical }'),
      ),
    );
    expect(c.systems.changed).toEqual([]);
    expect(hasChanges(c)).toBe(false);
  });

  it('reports systems deactivated and changed, certificates rotated by fingerprint, and network changes', async () => {
    const c = await changesOf((root) => {
      edit(root, 'config/systems/formularmotorn.yaml', (t) =>
        t.replace('owners: ["@inera/formular"]', 'owners: ["@inera/formular", "@inera/drift"]\ndeactivated: { date: 2026-10-15 }').replace('192.0.2.20/32', '192.0.2.21/32'),
      );
      const certs = path.join(root, 'config/systems/certs');
      writeFileSync(path.join(certs, 'region-exempel-journal-qa.pem'), readFileSync(path.join(certs, 'region-exempel-journal-prod.pem')));
    });
    expect(c.systems.deactivated.map((s) => [s.hsaId, s.deactivated])).toEqual([['SE5565594230-B9P', '2026-10-15']]);
    expect(c.systems.changed.map((s) => s.fields)).toEqual([['owners']]);
    expect(c.network).toEqual([expect.objectContaining({ system: 'SE5565594230-B9P', after: expect.objectContaining({ endpoints: [expect.objectContaining({ addresses: ['192.0.2.21/32'] })] }) })]);
    expect(c.certificates.rotated).toHaveLength(1);
    const { before, after } = c.certificates.rotated[0];
    expect(before[0].fingerprint).not.toBe(after[0].fingerprint);
    expect(after[0].fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(c.routing.added).toEqual([]);
  });

  it('names a contract installed, and the catalog objects the order has to create', async () => {
    const c = await changesOf((root) => {
      edit(root, 'config/service-domains/forminteraction.yaml', (t) => `${t}  - { name: GetForms, major: 3, description: Lists forms v3 }\n`);
      edit(root, 'environments/qa/environment.yaml', (t) => t.replace('  - GetForms:2\n', '  - GetForms:2\n  - GetForms:3\n'));
    });
    expect(c.contracts.installed).toEqual([{ namespace: 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:3', name: 'GetForms:3' }]);
    expect(c.newObjects.contracts).toEqual([{ namespace: 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:3', description: 'Lists forms v3', major: 3, minor: 0 }]);
    expect(buildOrder(c, { now: new Date('2026-11-02T10:00:00Z') }).inkludera.tjanstekontrakt).toEqual([
      { namnrymd: 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:3', beskrivning: 'Lists forms v3', majorVersion: 3 },
    ]);
  });
});
