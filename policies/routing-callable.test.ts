import { PRODUCER, UNIT, connectionYaml, findingsOf } from '../test/helpers/repo';

const GET_FORMS = 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2';
const inTest = (o: Parameters<typeof connectionYaml>[1]) => ({ 'environments/test/connections/forms.yaml': connectionYaml('test', o) });

describe('routing-callable', () => {
  it('accepts routing that a consumer may call on the address, a parent, SE, * or a unit below', async () => {
    expect(await findingsOf('routing-callable', inTest({ routingAddresses: [UNIT], authorizationAddresses: [PRODUCER] }))).toEqual([]);
    expect(await findingsOf('routing-callable', inTest({ routingAddresses: [UNIT], authorizationAddresses: ['*'] }))).toEqual([]);
    expect(await findingsOf('routing-callable', inTest({ routingAddresses: [PRODUCER], authorizationAddresses: [UNIT] }))).toEqual([]);
  });

  it('warns about routing that no consumer may call', async () => {
    const found = await findingsOf('routing-callable', inTest({ routingAddresses: [PRODUCER, 'SE2321000016-0001'], authorizationAddresses: [PRODUCER] }));
    expect(found).toEqual([
      `test environments/test/connections/forms.yaml:7 warning routing for ${GET_FORMS} at SE2321000016-0001 to ${PRODUCER} in test can be called by no consumer (no authorization on the address, its HSA parents, SE or *); authorize a consumer or remove the routing`,
    ]);
  });
});
