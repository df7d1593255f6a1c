import * as path from 'node:path';
import type { Command } from 'commander';
import { buildEnvironment, type EnvironmentBuild } from '../../../stacks/environment';
import type { BuiltEnvironment } from '../../../stacks/main';
import { formatProblem } from '../../../stacks/problems';
import { pack } from '../../../policies/pack';
import { checkRepository } from '../../check/engine';
import { systemsWithErrors } from '../../check/flagged';
import { readWorkingTree } from '../../pipeline';
import { findingLine } from '../../report/validate-text';
import { EXIT } from '../errors';
import { loadOptions, repositoryRoot, selectEnvironments, withCommonOptions, type CommonOptions } from '../options';
import { progress } from '../progress';
import { ensureOutputFolder } from '../out-folder';

interface SynthOptions extends CommonOptions {
  env?: string;
  out?: string;
  cdktfApp?: boolean;
  allowFindings?: boolean;
}

/**
 * `tak synth`: per environment, the Kubernetes objects as cdktf stacks (`cdktf.out/stacks/<env>/`)
 * and as plain manifests (`dist/<env>/`). Environments are built one after another so that only
 * one prod-sized cache is in memory at a time; nothing is written when any of them has a problem.
 */
export function register(program: Command): void {
  withCommonOptions(program.command('synth'))
    .description('synthesize the platform configuration, ingress and firewall per environment (cdktf and plain manifests)')
    .option('-e, --env <name>', 'only this environment')
    .option('-o, --out <dir>', 'folder to write cdktf.out/ and dist/ into (default: the repository root)')
    .option('--cdktf-app', 'run as the cdktf app of cdktf.json: write only the stacks, into $CDKTF_OUTDIR')
    .option('--allow-findings', 'synthesize despite error-level findings (consumers with errors are left out of the ingress allowlist)')
    .action(async (options: SynthOptions) => {
      // cdktf takes most of a second to load: only `tak synth` pays for it, not every command.
      const { synthesizeApp } = require('../../../stacks/main') as typeof import('../../../stacks/main');
      const { writeOutputs } = require('../../../stacks/output') as typeof import('../../../stacks/output');
      const root = repositoryRoot(options);
      const shown = progress('tak synth');
      shown.step('reading the declarations');
      const repository = await readWorkingTree(root, loadOptions(options));
      const states = selectEnvironments(repository, options.env);
      // Today's date: synth writes what goes live now.
      shown.step('checking');
      const { findings, summary } = checkRepository(states, pack, { now: new Date(), repository });
      if (summary.errors > 0 && !options.allowFindings) {
        shown.end();
        for (const f of findings.filter((x) => x.level === 'error' && !x.suppressed)) process.stderr.write(`${findingLine(f)}\n`);
        process.stderr.write(`tak synth: ${summary.errors} error-level finding(s); nothing was written (fix them, or pass --allow-findings)\n`);
        process.exitCode = EXIT.findings;
        return;
      }
      const builds: EnvironmentBuild[] = [];
      for (const state of states) {
        shown.step(`building ${state.name}`);
        builds.push(await buildEnvironment(state, { refusedConsumers: systemsWithErrors(findings, repository.catalog, state.name) }));
      }
      shown.end();
      for (const note of builds.flatMap((b) => b.notes)) process.stderr.write(`note: ${note}\n`);
      const problems = builds.flatMap((b) => (b.kind === 'failed' ? b.problems : []));
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(`tak synth: ${problems.length} problem(s); nothing was written\n`);
        process.exitCode = EXIT.findings;
        return;
      }
      const built = builds.filter((b): b is BuiltEnvironment => b.kind === 'built');
      if (built.length === 0) {
        process.stdout.write('no environment has a kubernetes target; nothing to synthesize\n');
        return;
      }
      if (options.cdktfApp) {
        const outdir = path.resolve(root, process.env.CDKTF_OUTDIR ?? 'cdktf.out');
        synthesizeApp(built, outdir, { root, outdir });
        return;
      }
      const out = options.out ? path.resolve(options.out) : root;
      ensureOutputFolder(out, '--out');
      shown.step('writing the stacks and manifests');
      const written = writeOutputs(built, { root, out });
      shown.end();
      for (const w of written) {
        process.stdout.write(`${w.env}: ${w.stack} and ${w.manifests.length} manifests in ${path.dirname(w.manifests[0])}/\n`);
        if (w.kept.length) process.stderr.write(`note: kept ${w.kept.length} files that tak did not write: ${w.kept.join(', ')}\n`);
      }
    });
}
