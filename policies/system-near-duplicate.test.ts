import { findingsOf } from '../test/helpers/repo';

const system = (hsaId: string, name: string) => `hsaId: ${hsaId}\nname: ${name}\norganisation: Example\n`;

describe('system-near-duplicate', () => {
  it('accepts systems with different names and HSA-ids', async () => {
    expect(await findingsOf('system-near-duplicate', { 'config/systems/other.yaml': system('SE2321000016-B1C2', 'Journal Labb') })).toEqual([]);
  });

  it('reports a name that differs only in case, spacing or punctuation', async () => {
    const found = await findingsOf('system-near-duplicate', { 'config/systems/zz-copy.yaml': system('SE2321000016-B1C2', ' JOUR-nal.') });
    expect(found).toEqual([
      'prod config/systems/zz-copy.yaml:1 error system name "JOUR-nal." of SE2321000016-B1C2 differs only in case, spacing or punctuation from Journal (SE2321000016-A1B2) at config/systems/consumer.yaml:1; register a system once',
    ]);
  });

  it('reports an HSA-id that differs only in case', async () => {
    const found = await findingsOf('system-near-duplicate', { 'config/systems/zz-copy.yaml': system('se2321000016-a1b2', 'Journal 2') });
    expect(found).toEqual([
      'prod config/systems/zz-copy.yaml:1 error system HSA-id se2321000016-a1b2 differs only in case from SE2321000016-A1B2 at config/systems/consumer.yaml:1; it is the same system to the platform',
    ]);
  });
});
