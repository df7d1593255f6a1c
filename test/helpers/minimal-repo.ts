/**
 * A minimal compliant repository in a temp folder, for tests that change one thing and look at
 * what the checks say. Files are given as repository-relative path -> text (or null to delete).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkRepository } from '../../src/check/engine';
import type { CheckResult } from '../../src/check/types';
import { readWorkingTree } from '../../src/pipeline';
import type { LoadOptions } from '../../src/load';
import { pack } from '../../policies/pack';

export const PRODUCER = 'SE5565594230-B9P';
export const CONSUMER = 'SE2321000016-A1B2';

export const baseFiles: Record<string, string> = {
  'config/systems/producer.yaml': `hsaId: ${PRODUCER}\nname: Formulärmotorn\norganisation: Inera AB\nenvironments:\n  test:\n    endpoints: [{ host: forms.example.se, port: 443, addresses: [192.0.2.10/32] }]\n`,
  'config/systems/consumer.yaml': `hsaId: ${CONSUMER}\nname: Journal\norganisation: Region Exempel\nenvironments:\n  test:\n    sourceAddresses: [203.0.113.10/32]\n`,
  'config/service-domains/forms.yaml':
    'domain: infrastructure:eservicesupply:forminteraction\ncontracts:\n  - { name: GetForms, major: 2 }\n  - { name: GetForm, major: 2 }\n',
  'config/logical-addresses/units.yaml': `logicalAddresses:\n  - { hsaId: ${PRODUCER}, description: Formulärmotorn }\n`,
  'environments/test/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\ninstalledContracts: [GetForms:2, GetForm:2]\n',
  'environments/test/connections/forms.yaml': [
    'routing:',
    `  - producer: ${PRODUCER}`,
    '    profile: RIVTABP21',
    '    contracts:',
    '      GetForms:2: https://forms.example.se/GetForms/2',
    `    logicalAddresses: [${PRODUCER}]`,
    'authorizations:',
    `  - consumer: ${CONSUMER}`,
    '    contracts: [GetForms:2]',
    `    logicalAddresses: [${PRODUCER}]`,
    '',
  ].join('\n'),
};

/** Writes `files` (over the base unless `bare`) into a new temp folder and returns its path. */
export function makeRepo(files: Record<string, string | Buffer | null> = {}, bare = false): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tak-repo-'));
  const all = { ...(bare ? {} : baseFiles), ...files };
  for (const [file, content] of Object.entries(all)) {
    if (content === null) continue;
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function removeRepo(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Loads, resolves and checks a repository with the whole pack, as `tak validate` does. */
export async function validateRepo(root: string, now = new Date('2026-06-01T00:00:00Z'), options: LoadOptions = {}): Promise<CheckResult> {
  const repository = await readWorkingTree(root, options);
  return checkRepository([...repository.environments.values()], pack, { now, repository });
}

/** Findings of one rule, unsuppressed, as `file:line message` lines (easy to assert on). */
export async function findingsOf(rule: string, files: Record<string, string | Buffer | null>, bare = false): Promise<string[]> {
  const root = makeRepo(files, bare);
  try {
    const result = await validateRepo(root);
    return result.findings.filter((f) => f.rule === rule && !f.suppressed).map((f) => `${f.location.file}:${f.location.line} ${f.message}`);
  } finally {
    removeRepo(root);
  }
}
