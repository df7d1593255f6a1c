import { CONSUMER, findingsOf } from '../test/helpers/repo';

const consumerWithout = (env: string) =>
  [
    `hsaId: ${CONSUMER}`,
    'name: Journal',
    'organisation: Example',
    'environments:',
    ...['test', 'qa', 'prod'].flatMap((e) => [
      `  ${e}:`,
      `    certificates: [certs/consumer-${e}.pem]`,
      ...(e === env ? [] : ['    sourceAddresses: [203.0.113.10/32]']),
    ]),
    '',
  ].join('\n');

describe('consumer-source-addresses', () => {
  it('accepts an authorized consumer that declares its source addresses in each environment', async () => {
    expect(await findingsOf('consumer-source-addresses')).toEqual([]);
  });

  it('reports an authorized consumer without source addresses in that environment, at its authorization', async () => {
    expect(await findingsOf('consumer-source-addresses', { 'config/systems/consumer.yaml': consumerWithout('qa') })).toEqual([
      `qa environments/qa/connections/forms.yaml:10 error consumer Journal (${CONSUMER}) is authorized in qa but declares no source addresses there; add environments.qa.sourceAddresses (CIDRs) to config/systems/consumer.yaml`,
    ]);
  });
});
