import { findingsOf } from '../test/helpers/repo';

const system = (hsaId: string) => `hsaId: ${hsaId}\nname: System ${hsaId}\norganisation: Example\n`;

describe('system-kubernetes-name', () => {
  it('accepts systems whose Kubernetes names differ', async () => {
    expect(await findingsOf('system-kubernetes-name', { 'config/systems/a.yaml': system('SE5565594230-UND'), 'config/systems/b.yaml': system('SE5565594230-UNE') })).toEqual([]);
  });

  it('reports HSA-ids that differ only in characters a Kubernetes name cannot hold, once', async () => {
    const found = await findingsOf('system-kubernetes-name', { 'config/systems/a.yaml': system('SE5565594230_UND'), 'config/systems/b.yaml': system('SE5565594230-UND') });
    expect(found).toEqual([
      'prod config/systems/b.yaml:1 error system SE5565594230-UND gets the Kubernetes name tak-vp-to-se5565594230-und, as SE5565594230_UND at config/systems/a.yaml:1 does (the HSA-ids differ only in characters such as _ and -, which a Kubernetes name cannot hold); synth refuses both: correct one HSA-id',
    ]);
  });
});
