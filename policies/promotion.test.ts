import { CONSUMER, PRODUCER, connectionYaml, environmentYaml, findingsOf } from '../test/helpers/repo';

const GET_FORM = 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormResponder:2';
const twoContracts = (env: string) => connectionYaml(env, { contracts: ['GetForms:2', 'GetForm:2'] });

describe('promotion', () => {
  it('accepts prod routing and authorizations that exist in qa, and qa ones that exist in test', async () => {
    expect(await findingsOf('promotion')).toEqual([]);
  });

  it('reports what prod has and qa has not, at the contract, as an error', async () => {
    const found = await findingsOf('promotion', { 'environments/prod/connections/forms.yaml': twoContracts('prod') });
    expect(found).toEqual([
      `prod environments/prod/connections/forms.yaml:10 error routing to producer ${PRODUCER} for ${GET_FORM} is not in qa, which prod promotes from; order and test it in qa first`,
      `prod environments/prod/connections/forms.yaml:14 error authorization of consumer ${CONSUMER} for ${GET_FORM} is not in qa, which prod promotes from; order and test it in qa first`,
    ]);
  });

  it('is a warning in qa, and can be switched off per environment', async () => {
    const qa = { 'environments/qa/connections/forms.yaml': twoContracts('qa'), 'environments/prod/connections/forms.yaml': twoContracts('prod') };
    expect((await findingsOf('promotion', qa)).map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      'qa environments/qa/connections/forms.yaml:8 warning',
      'qa environments/qa/connections/forms.yaml:12 warning',
    ]);
    const off = { ...qa, 'environments/qa/environment.yaml': environmentYaml('qa', ['policy: { requirePromotion: false }']) };
    expect(await findingsOf('promotion', off)).toEqual([]);
  });
});
