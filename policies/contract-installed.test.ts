import { findingsOf } from '../test/helpers/minimal-repo';

describe('contract-installed', () => {
  it('accepts contracts that are installed in the environment', async () => {
    expect(await findingsOf('contract-installed', {})).toEqual([]);
  });

  it('reports a routed or authorized contract that is not installed, at the reference', async () => {
    const found = await findingsOf('contract-installed', {
      'environments/test/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\ninstalledContracts: [GetForm:2]\n',
    });
    expect(found).toEqual([
      'environments/test/connections/forms.yaml:5 service contract urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 is not installed in test; add it to installedContracts in environments/test/environment.yaml',
      'environments/test/connections/forms.yaml:9 service contract urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 is not installed in test; add it to installedContracts in environments/test/environment.yaml',
    ]);
  });
});
