/** `tak explain` on the shipped example data: the three outcomes a requester meets, and bad flags. */
import * as path from 'node:path';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const CONNECTION = 'environments/qa/connections/forminteraction-region-exempel.yaml';
const call = (consumer: string, contract: string, address: string, ...extra: string[]) =>
  runCli(['explain', '-C', ROOT, '--env', 'qa', '--consumer', consumer, '--contract', contract, '--logical-address', address, '--at', '2026-12-02', ...extra]);

describe('tak explain', () => {
  it('names the routing entry and the authorization of a call that goes through, with file:line', async () => {
    const { code, stdout } = await call('SE2321000016-A1B2', 'GetForms:2', 'se5565594230-b9p');
    expect(code).toBe(0);
    expect(stdout).toContain('OK: the call is routed and the consumer is authorized');
    expect(stdout).toMatch(new RegExp(`routing: SE5565594230-B9P https://formular.qa.example.se/forminteraction/GetForms/2/rivtabp21 .* at ${CONNECTION}:15`));
    expect(stdout).toMatch(new RegExp(`authorization: SE2321000016-A1B2 for SE5565594230-B9P at ${CONNECTION}:19`));
  });

  it('answers VP004 when no routing serves the address, with the request that adds it', async () => {
    const { code, stdout } = await call('SE2321000016-A1B2', 'GetForms:2', 'SE2321000016-A1B2', '-f', 'json');
    expect(code).toBe(1);
    const e = JSON.parse(stdout);
    expect(e.outcome).toBe('VP004');
    expect(e.routing).toBeUndefined();
    expect(e.fix).toBe('tak request routing --env qa --producer <producer HSA-id> --contract GetForms:2=<producer URL> --logical-address SE2321000016-A1B2');
  });

  it('answers VP007 when the routing exists but the consumer is not authorized', async () => {
    const { code, stdout } = await call('SE5565594230-B0D', 'urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2', 'SE5565594230-B9P', '-f', 'json');
    expect(code).toBe(1);
    const e = JSON.parse(stdout);
    expect(e.outcome).toBe('VP007');
    expect(e.routing.entries[0].location).toEqual({ file: CONNECTION, line: 15, col: expect.any(Number) });
    expect(e.fix).toBe('tak request authorization --env qa --consumer SE5565594230-B0D --contract GetForms:2 --logical-address SE5565594230-B9P');
  });

  it('refuses an unknown consumer or contract with the nearest declared ones', async () => {
    const consumer = await call('SE2321000016-A1B3', 'GetForms:2', 'SE5565594230-B9P');
    expect(consumer.code).toBe(2);
    expect(consumer.stderr).toMatch(/^tak: --consumer SE2321000016-A1B3 is not a system declared under config\/systems\/; did you mean SE2321000016-A1B2 \(Region Exempel Journalsystem\)/);
    const contract = await call('SE2321000016-A1B2', 'GetFrom:2', 'SE5565594230-B9P');
    expect(contract.code).toBe(2);
    expect(contract.stderr).toMatch(/^tak: --contract GetFrom:2 is not a service contract .*; did you mean GetForm:2, GetForms:2/);
  });
});
