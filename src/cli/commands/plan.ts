import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { pack } from '../../../policies/pack';
import { writeOutput } from '../../export/output';
import { GitRevisionReader, RevisionError } from '../../load/git-reader';
import { openParseCache } from '../../load/parse-cache';
import { WorkingTreeReader, type RepositoryReader } from '../../load/reader';
import { makePlan, type Plan } from '../../plan';
import { changedPackFiles } from '../../plan/pack-files';
import { readState } from '../../pipeline';
import { renderPlanJson } from '../../report/plan-json';
import { renderPlanMarkdown } from '../../report/plan-markdown';
import { renderPlanText } from '../../report/plan-text';
import { CliError, EXIT } from '../errors';
import { clock, loadOptions, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';
import { progress } from '../progress';
import { ensureOutputFolder } from '../out-folder';

interface PlanOptions extends CommonOptions, ClockOptions {
  base: string;
  head?: string;
  env?: string;
  format: 'text' | 'markdown' | 'json';
  out?: string;
  force?: boolean;
  approvedBy?: string[];
}

/** `tak plan --base REF`: what the change does per environment, as a report and as the platform's orders. */
export function register(program: Command): void {
  withClock(withCommonOptions(program.command('plan')))
    .description('compare the declarations with a git revision: the changes, the findings, and the orders for the platform')
    .requiredOption('--base <ref>', 'the revision to compare with (the pull request target, e.g. origin/main)')
    .option('--head <ref>', 'a revision to compare instead of the working tree')
    .option('-e, --env <name>', 'only this environment')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('-o, --out <dir>', 'write DIR/<env>/order.json per environment with changes, and DIR/plan.md and DIR/plan.json')
    .option('--force', 'replace files that already exist in the --out folder')
    .option('--approved-by <handles>', 'approvals on record for this change, comma-separated @user or @org/team handles (the pull-request workflow fills it from the code host\'s reviews)', (v: string) => v.split(',').map((h) => h.trim()).filter(Boolean))
    .action(async (options: PlanOptions) => {
      const root = repositoryRoot(options);
      const now = clock(options);
      const readers: RepositoryReader[] = [];
      const shown = progress('tak plan');
      try {
        shown.step(`reading the base ${options.base}`);
        const base = await open(root, options.base, 'base');
        readers.push(base);
        const head = options.head ? await open(root, options.head, 'head') : new WorkingTreeReader(root);
        readers.push(head);
        // One cache for both sides and for the runs to come: a file with the same content is parsed once.
        const parses = openParseCache(root);
        const load = loadOptions(options);
        const baseState = await readState(base, parses.cache, load);
        shown.step(`reading ${options.head ? `the head ${options.head}` : 'the working tree'}`);
        const headState = await readState(head, parses.cache, load);
        parses.save();
        if (options.env && !baseState.environments.has(options.env) && !headState.environments.has(options.env)) {
          const known = [...new Set([...baseState.environments.keys(), ...headState.environments.keys()])];
          throw new CliError(`there is no environment "${options.env}" at the base or the head (have: ${known.join(', ') || 'none'})`);
        }
        shown.step('comparing and checking');
        const packFiles = await changedPackFiles(root, base.commit, options.head ? (head as GitRevisionReader).commit : undefined);
        const labels = { baseLabel: base.label, headLabel: options.head ? head.label : 'working tree' };
        const plan = makePlan({ base: baseState, head: headState, ...labels, pack, now, env: options.env, packFiles, approvedBy: options.approvedBy });
        if (plan.baseProblems.length > 0) {
          process.stderr.write(`tak: the base ${options.base} does not read cleanly (${plan.baseProblems.length} problems); the changes are against what could be read\n`);
        }
        if (options.out) await writeOut(plan, path.resolve(options.out), options.force ?? false);
        const fullReport = options.out ? path.join(options.out, 'plan.md') : undefined;
        const render = { text: () => renderPlanText(plan), json: () => renderPlanJson(plan), markdown: () => renderPlanMarkdown(plan, { fullReport }) }[options.format];
        process.stdout.write(render());
        const unreadable = plan.environments.some((e) => (e.changes.unreadable?.length ?? 0) > 0);
        process.exitCode = plan.summary.errors > 0 || unreadable ? EXIT.findings : EXIT.ok;
      } finally {
        shown.end();
        for (const r of readers) if (r instanceof GitRevisionReader) await r.dispose();
      }
    });
}

async function open(root: string, ref: string, side: 'base' | 'head'): Promise<GitRevisionReader> {
  try {
    return await GitRevisionReader.open(root, ref, side);
  } catch (error) {
    if (error instanceof RevisionError) throw new CliError(error.message);
    throw error;
  }
}

/** All files or none: existing ones are refused (before anything is written) unless --force. */
async function writeOut(plan: Plan, dir: string, force: boolean): Promise<void> {
  ensureOutputFolder(dir, '--out');
  const files = new Map<string, string>([
    [path.join(dir, 'plan.md'), renderPlanMarkdown(plan, { limit: Infinity })],
    [path.join(dir, 'plan.json'), renderPlanJson(plan)],
  ]);
  for (const e of plan.environments) {
    if (e.order) files.set(path.join(dir, e.changes.env, 'order.json'), `${JSON.stringify(e.order, null, 2)}\n`);
  }
  const existing = [...files.keys()].filter((f) => existsSync(f));
  if (existing.length > 0 && !force) {
    throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace, or choose another --out folder`);
  }
  for (const [file, text] of files) await writeOutput(file, text, force);
}
