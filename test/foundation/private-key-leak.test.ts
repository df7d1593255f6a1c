/**
 * Key material in a declaration's values is found however it is written (a JSON-quoted PEM, an
 * indented block, base64 as a Secret holds it) and is never printed: every report format of
 * validate and plan, the plan's files and every export format are searched for the key's bytes.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/load/decode';
import { scanOtherFiles } from '../../src/load/private-keys';
import type { RepositoryReader } from '../../src/load/reader';
import { runCli } from '../helpers/cli';
import { baseFiles, makeRepo, removeRepo } from '../helpers/minimal-repo';
import { commitAll } from '../plan/git';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const DER = privateKey.export({ type: 'pkcs8', format: 'der' });
const BODY = PEM.split('\n').slice(1, -2).join('');
/** Pieces of the key as each encoding shows it: none of them may appear in any output. */
const MATERIAL = [BODY.slice(10, 40), BODY.slice(-30), DER.toString('base64').slice(10, 40), Buffer.from(PEM).toString('base64').slice(20, 50), DER.toString('hex').slice(20, 60)];

const PRODUCER_FILE = 'config/systems/producer.yaml';
const HEAD_FILES = {
  // The case as reported: a PKCS#8 key as a JSON-quoted YAML string.
  [PRODUCER_FILE]: baseFiles[PRODUCER_FILE].replace('organisation: Inera AB', `organisation: ${JSON.stringify(PEM)}`),
  'config/systems/vendor.yaml': `hsaId: SE5565594230-VND\nname: Vendor\norganisation: Vendor AB\ndescription: |\n${PEM.trimEnd().split('\n').map((l) => `  ${l}`).join('\n')}\n`,
  'config/logical-addresses/more.yaml': `logicalAddresses:\n  - { hsaId: SE5565594230-LA2, description: ${DER.toString('base64')} }\n`,
  'environments/test/connections/secret.yaml': `description: ${Buffer.from(PEM).toString('base64')}\n`,
  'deploy/secret.yaml': `apiVersion: v1\nkind: Secret\ndata:\n  tls.key: ${Buffer.from(PEM).toString('base64')}\n`,
};

function expectNoMaterial(where: string, text: string): void {
  for (const piece of MATERIAL) if (text.includes(piece)) throw new Error(`${where} prints key material (${piece})`);
}

/** Every file below `dir`, as text. */
function allFiles(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [[dir, readFileSync(dir, 'latin1')]];
  return readdirSync(dir).flatMap((name) => allFiles(path.join(dir, name)));
}

describe('private keys in values', () => {
  let root: string;
  beforeAll(() => {
    root = makeRepo();
    commitAll(root);
    const head = makeRepo(HEAD_FILES);
    require('node:fs').cpSync(head, root, { recursive: true });
    removeRepo(head);
  });
  afterAll(() => removeRepo(root));

  it('are each a no-private-key finding at their file', async () => {
    const r = await runCli(['validate', '-C', root, '-f', 'json', '--now', '2026-06-01']);
    const keys = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'no-private-key');
    expect(keys.map((f: { file: string; line: number; message: string }) => `${f.file}:${f.line} ${f.message.replace(/;.*/, '')}`).sort()).toEqual([
      'config/logical-addresses/more.yaml:2 config/logical-addresses/more.yaml holds a DER-encoded private key, base64-encoded',
      `${PRODUCER_FILE}:3 ${PRODUCER_FILE} holds a PEM "PRIVATE KEY" block`,
      'config/systems/vendor.yaml:5 config/systems/vendor.yaml holds a PEM "PRIVATE KEY" block',
      'deploy/secret.yaml:4 deploy/secret.yaml holds a PEM "PRIVATE KEY" block, base64-encoded',
      'environments/test/connections/secret.yaml:1 environments/test/connections/secret.yaml holds a PEM "PRIVATE KEY" block, base64-encoded',
    ]);
  });

  it('are printed by no report and no output of any format', async () => {
    const now = ['--now', '2026-06-01'];
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const r = await runCli(['validate', '-C', root, '-f', format, ...now]);
      expect(r.stdout.length).toBeGreaterThan(0);
      expectNoMaterial(`validate -f ${format}`, r.stdout + r.stderr);
    }
    const planOut = path.join(root, '..', `${path.basename(root)}-plan`);
    for (const format of ['text', 'markdown', 'json']) {
      const r = await runCli(['plan', '--base', 'main', '-C', root, '-f', format, '-o', planOut, '--force', ...now]);
      expect(r.stdout).toContain('SE5565594230-B9P');
      expectNoMaterial(`plan -f ${format}`, r.stdout + r.stderr);
    }
    const exports = path.join(root, '..', `${path.basename(root)}-export`);
    for (const format of ['order', 'tak-export', 'vp-cache', 'takapi']) {
      const r = await runCli(['export', format, '--env', 'test', '-C', root, '-o', path.join(exports, format), ...now]);
      expect(r.code).toBe(0);
      expectNoMaterial(`export ${format}`, r.stdout + r.stderr);
    }
    const written = [...allFiles(planOut), ...allFiles(exports)];
    expect(written.map(([file]) => path.relative(path.dirname(planOut), file)).length).toBeGreaterThanOrEqual(6);
    for (const [file, text] of written) expectNoMaterial(file, text);
    expect(written.some(([, text]) => text.includes('[private key material removed]'))).toBe(true);
    removeRepo(planOut);
    removeRepo(exports);
  });
});

describe('the scan of other files', () => {
  it('scans a file over the size limit of declarations too', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 'a');
    Buffer.from(PEM).copy(big, MAX_FILE_BYTES - 1000);
    const reader = { label: 'r', list: async () => [], read: async () => big, importPath: async () => '', listRepository: async () => ['big.log'] } as RepositoryReader;
    expect(await scanOtherFiles(reader, reader.listRepository!(), new Set())).toEqual([{ file: 'big.log', kind: 'a PEM "PRIVATE KEY" block', line: 1 }]);
  });
});
