import { CONSUMER, compliant, connectionYaml, findingsOf } from '../test/helpers/repo';

describe('deactivated-system', () => {
  let deactivated: string;
  beforeAll(async () => {
    deactivated = (await compliant()).files['config/systems/consumer.yaml'].replace('organisation: Example\n', 'organisation: Example\ndeactivated: { date: 2026-05-01 }\n');
  });

  it('accepts an active system, and a deactivated one whose groups are marked pre-existing', async () => {
    expect(await findingsOf('deactivated-system')).toEqual([]);
    const kept = Object.fromEntries(['test', 'qa', 'prod'].map((env) => [`environments/${env}/connections/forms.yaml`, connectionYaml(env, { authorizationExtra: ['preExisting: true'] })]));
    expect(await findingsOf('deactivated-system', { 'config/systems/consumer.yaml': deactivated, ...kept })).toEqual([]);
  });

  it('reports any routing or authorization for a deactivated system that is not marked pre-existing', async () => {
    const found = await findingsOf('deactivated-system', { 'config/systems/consumer.yaml': deactivated });
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(
      `prod environments/prod/connections/forms.yaml:12 error consumer Journal (${CONSUMER}) was deactivated on 2026-05-01 and gets no new authorization; remove it, or mark the group preExisting: true if it was there before`,
    );
  });
});
