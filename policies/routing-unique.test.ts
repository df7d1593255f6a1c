import { findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

const second = (extra: string) => ({
  'environments/test/connections/second.yaml': `routing:\n  - producer: ${PRODUCER}\n    profile: RIVTABP21\n    contracts:\n      GetForms:2: https://other.example.se/GetForms/2\n    logicalAddresses: [${PRODUCER.toLowerCase()}]\n${extra}`,
});

describe('routing-unique', () => {
  it('accepts one routing entry per contract and logical address', async () => {
    expect(await findingsOf('routing-unique', {})).toEqual([]);
  });

  it('reports a second routing entry for the same pair in another file, case-insensitively, naming the first', async () => {
    expect(await findingsOf('routing-unique', second(''))).toEqual([
      `environments/test/connections/second.yaml:6 routing for urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at ${PRODUCER.toLowerCase()} is declared twice with overlapping validity (also at environments/test/connections/forms.yaml:6); the platform would answer VP006`,
    ]);
  });

  it('accepts two routing entries for the same pair whose validity periods do not overlap', async () => {
    const files = {
      ...second('    validFrom: 2027-01-01\n'),
      'environments/test/connections/forms.yaml': `routing:\n  - producer: ${PRODUCER}\n    profile: RIVTABP21\n    contracts:\n      GetForms:2: https://forms.example.se/GetForms/2\n    logicalAddresses: [${PRODUCER}]\n    validTo: 2026-12-31\n`,
    };
    expect(await findingsOf('routing-unique', files)).toEqual([]);
  });

  it('reports periods that touch on the same day (the platform counts both ends)', async () => {
    const files = {
      ...second('    validFrom: 2026-12-31\n'),
      'environments/test/connections/forms.yaml': `routing:\n  - producer: ${PRODUCER}\n    profile: RIVTABP21\n    contracts:\n      GetForms:2: https://forms.example.se/GetForms/2\n    logicalAddresses: [${PRODUCER}]\n    validTo: 2026-12-31\n`,
    };
    expect(await findingsOf('routing-unique', files)).toHaveLength(1);
  });
});
