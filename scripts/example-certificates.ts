/**
 * Re-issues the example data's certificates: a test CA (trusted in test and qa), a production-like
 * CA (trusted in prod), and a function certificate per consumer system and environment with the
 * system's HSA-id as subject serialNumber. Only public PEM is written; the keys die with the process.
 *
 *   npx tsx scripts/example-certificates.ts
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { issue, makeCa } from '../test/helpers/certs';

const VALIDITY = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2031-01-01T00:00:00Z') };
const CA_VALIDITY = { notBefore: VALIDITY.notBefore, notAfter: new Date('2036-01-01T00:00:00Z') };
const CONSUMERS = [
  { file: 'region-exempel-journal', hsaId: 'SE2321000016-A1B2', organisation: 'Region Exempel', host: (env: string) => `journal.${env}.region-exempel.example.se` },
  { file: 'engagemangsindex', hsaId: 'SE5565594230-B0D', organisation: 'Inera AB', host: (env: string) => `ei.${env}.example.se` },
];

async function main(): Promise<void> {
  const config = path.join(__dirname, '..', 'config');
  const testCa = await makeCa('Example TEST Function CA v1', { rsa: 2048 }, CA_VALIDITY);
  const prodCa = await makeCa('Example Function CA v1', { rsa: 2048 }, CA_VALIDITY);
  writeFileSync(path.join(config, 'cas/example-test-function-ca-v1.pem'), testCa.pem);
  writeFileSync(path.join(config, 'cas/example-function-ca-v1.pem'), prodCa.pem);
  for (const consumer of CONSUMERS) {
    for (const env of ['test', 'qa', 'prod']) {
      const certificate = await issue(env === 'prod' ? prodCa : testCa, {
        serialNumber: consumer.hsaId,
        organisation: consumer.organisation,
        commonName: consumer.host(env).replace('.prod.', '.'),
        key: { rsa: 2048 },
        ...VALIDITY,
      });
      writeFileSync(path.join(config, `systems/certs/${consumer.file}-${env}.pem`), certificate.pem);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
