import { findingsOf, PRODUCER } from '../test/helpers/minimal-repo';

describe('hsa-id-syntax', () => {
  it('accepts HSA-ids of letters, digits, _ and -, and * as a logical address', async () => {
    const found = await findingsOf('hsa-id-syntax', {
      'config/logical-addresses/units.yaml': `logicalAddresses:\n  - { hsaId: ${PRODUCER}, description: F }\n  - { hsaId: "*", description: Every address }\n  - { hsaId: T_SERVICES_SE165565594230-109C, description: Legacy }\n`,
    });
    expect(found).toEqual([]);
  });

  it('reports systems, logical addresses, producers and consumers the platform would refuse', async () => {
    const found = await findingsOf('hsa-id-syntax', {
      'config/systems/bad.yaml': 'hsaId: SE 123\nname: Bad\norganisation: x\n',
      'config/logical-addresses/bad.yaml': 'logicalAddresses:\n  - { hsaId: "SE2321000016/15H7", description: Slash }\n',
      'environments/test/connections/bad.yaml':
        'authorizations:\n  - consumer: "SE.1"\n    contracts: [GetForm:2]\n    logicalAddresses: ["*"]\n',
    });
    expect(found).toEqual([
      'config/logical-addresses/bad.yaml:2 logical address "SE2321000016/15H7" is not a valid HSA-id (letters, digits, _ and -, at most 255)',
      'config/systems/bad.yaml:1 system HSA-id "SE 123" is not a valid HSA-id (letters, digits, _ and -, at most 255)',
      'environments/test/connections/bad.yaml:2 consumer "SE.1" is not a valid HSA-id (letters, digits, _ and -, at most 255)',
    ]);
  });

  it('reports white space and line separators at the ends, which the schema keeps as written', async () => {
    const found = await findingsOf('hsa-id-syntax', {
      'config/logical-addresses/units.yaml': `logicalAddresses:\n  - { hsaId: ${PRODUCER}, description: F }\n  - { hsaId: "SE2321000016-15H7 ", description: Trailing space }\n  - { hsaId: "SE2321000016-15H8\\L", description: Line separator }\n`,
    });
    expect(found).toEqual([
      'config/logical-addresses/units.yaml:3 logical address "SE2321000016-15H7 " is not a valid HSA-id (letters, digits, _ and -, at most 255)',
      'config/logical-addresses/units.yaml:4 logical address "SE2321000016-15H8\u2028" is not a valid HSA-id (letters, digits, _ and -, at most 255)',
    ]);
  });
});
