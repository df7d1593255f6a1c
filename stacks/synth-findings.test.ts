/** `tak synth` does not put what validate refuses live: it stops on error-level findings, or leaves the consumer out. */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../test/helpers/cli';
import { makeRepo, removeRepo } from '../test/helpers/minimal-repo';
import { compliant } from '../test/helpers/repo';
import { synthFiles } from './test-support';

describe('tak synth and error-level findings', () => {
  let root: string;
  beforeAll(async () => {
    const { files } = await compliant();
    // The consumer is authorized in qa but declares no certificate there: an error of consumer-certificate.
    const consumer = files['config/systems/consumer.yaml'].replace('    certificates: [certs/consumer-qa.pem]\n', '');
    root = makeRepo(await synthFiles({ 'config/systems/consumer.yaml': consumer }), true);
  });
  afterAll(() => removeRepo(root));

  it('refuses (exit 1) and writes nothing', async () => {
    const out = path.join(root, 'out-refused');
    const result = await runCli(['synth', '-C', root, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error consumer-certificate consumer Journal (SE2321000016-A1B2) is authorized in qa but declares no certificate there');
    expect(result.stderr).toMatch(/tak synth: 1 error-level finding\(s\); nothing was written \(fix them, or pass --allow-findings\)\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --allow-findings, leaves a consumer with error-level findings out of the ingress allowlist', async () => {
    const out = path.join(root, 'out-allowed');
    const result = await runCli(['synth', '-C', root, '-o', out, '--allow-findings']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('note: qa: consumer SE2321000016-A1B2 has error-level findings (tak validate), so the ingress does not let it in');
    const ingress = (env: string) => readdirSync(path.join(out, 'dist', env)).some((f) => f.startsWith('ingress-'));
    expect(ingress('qa')).toBe(false);
    expect(ingress('test')).toBe(true);
  });
});
