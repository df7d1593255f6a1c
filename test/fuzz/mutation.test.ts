/**
 * Fuzzing, bounded for `npm test` (`npm run fuzz` runs the same for hours): mutated real-shaped
 * repositories and random bytes never crash the loader, the rules or the CLI. Every file that does
 * not read as YAML gets a finding at that file; every finding is located; the CLI exits 0, 1 or 2
 * without a stack trace.
 */
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { checkRepository } from '../../src/check/engine';
import { isDeclarationFile, placementOf } from '../../src/load/layout';
import { readWorkingTree } from '../../src/pipeline';
import { pack } from '../../policies/pack';
import { runCli } from '../helpers/cli';
import { applyEdits, commitAll, crashOf, editPlan, exampleRepository, repositoryFiles } from './mutations';

const SEED = 4711;
const NOW = '2026-06-01';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the `yaml` package reads the file without errors (decoded as the loader would). */
function readsAsYaml(bytes: Buffer): boolean {
  try {
    const text = utf8.decode(bytes);
    return !text.includes('\0') && text.trim() !== '' && parseDocument(text, { uniqueKeys: true }).errors.length === 0;
  } catch {
    return false;
  }
}

describe('fuzz: mutated repositories', () => {
  it('random and mutated declarations never crash the loader or the rules; what does not read as YAML is a finding at its file', async () => {
    await fc.assert(
      fc.asyncProperty(editPlan(), async (edits) => {
        const root = exampleRepository();
        try {
          applyEdits(root, edits);
          const repository = await readWorkingTree(root, { typescript: { run: false, timeoutMs: 1 } });
          const result = checkRepository([...repository.environments.values()], pack, { now: new Date(`${NOW}T00:00:00Z`), repository });
          for (const f of result.findings) {
            expect(f.location.file).toBeTruthy();
            expect(f.location.line).toBeGreaterThanOrEqual(1);
          }
          const located = new Set(result.findings.map((f) => f.location.file));
          const broken = repositoryFiles(root).filter(
            (file) => /\.ya?ml$/.test(file) && isDeclarationFile(file) && !('hint' in placementOf(file)) && !readsAsYaml(readFileSync(path.join(root, file))),
          );
          expect(broken.filter((file) => !located.has(file))).toEqual([]);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 15, endOnFailure: true },
    );
  });

  it('never crash tak validate or tak plan (exit 0, 1 or 2, no stack trace), also on a mutated base', async () => {
    await fc.assert(
      fc.asyncProperty(editPlan(3), fc.option(editPlan(2), { nil: undefined }), fc.constantFrom('text', 'json', 'sarif', 'markdown'), async (edits, baseEdits, format) => {
        const root = exampleRepository();
        try {
          if (baseEdits) {
            applyEdits(root, baseEdits);
            commitAll(root);
          }
          applyEdits(root, edits);
          const validate = await runCli(['validate', '-C', root, '-f', format, '--no-typescript', '--now', NOW]);
          expect(crashOf(validate, format)).toBeUndefined();
          const plan = await runCli(['plan', '--base', 'HEAD', '-C', root, '-f', format === 'sarif' ? 'json' : format, '--no-typescript', '--now', NOW]);
          expect(crashOf(plan, format === 'sarif' ? 'json' : format)).toBeUndefined();
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 6, endOnFailure: true },
    );
  });
});

describe('fuzz: what counts as a crash', () => {
  it('is an exit other than 0, 1 or 2, a stack trace, a kill, or JSON output that does not parse', () => {
    expect(crashOf({ code: 1, stdout: '{}', stderr: '' }, 'json')).toBeUndefined();
    expect(crashOf({ code: 2, stdout: '', stderr: 'tak: x is not a folder; pass -C\n' }, 'json')).toBeUndefined();
    expect(crashOf({ code: 70, stdout: '', stderr: '' })).toBe('exit 70');
    expect(crashOf({ code: null, stdout: '', stderr: '' })).toBe('exit null');
    expect(crashOf({ code: 1, stdout: '', stderr: 'TypeError: x\n    at f (/src/a.ts:1:2)\n' })).toBe('a stack trace on stderr');
    expect(crashOf({ code: 0, stdout: '{"findings": [', stderr: '' }, 'sarif')).toBe('sarif output that is not JSON');
  });
});
