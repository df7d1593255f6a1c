/**
 * `tak report --out DIR [--env E] [--force]`: the browsable report, a static site per environment
 * that opens from the file system (DIR/index.html). Written to a temporary folder and renamed into
 * place (src/fs/replace.ts); --force replaces an earlier report, never a folder tak did not write.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { checkRepository } from '../../check/engine';
import { isoDay } from '../../check/periods';
import { writeFolder } from '../../export/output';
import { readWorkingTree } from '../../pipeline';
import { appliedHistory } from '../../site/applied';
import { buildSite } from '../../site';
import { pack } from '../../../policies/pack';
import { clock, repositoryRoot, selectEnvironments, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface ReportOptions extends CommonOptions, ClockOptions {
  out: string;
  env?: string;
  force?: boolean;
}

export function register(program: Command): void {
  withClock(withCommonOptions(program.command('report')))
    .description('write a browsable static site per environment: connections, systems, domains, graph, certificates, findings, changes')
    .requiredOption('-o, --out <dir>', 'the folder to write (open DIR/index.html)')
    .option('-e, --env <name>', 'only this environment')
    .option('--force', 'replace an earlier report in the folder')
    .action(async (options: ReportOptions) => {
      const root = repositoryRoot(options);
      const now = clock(options);
      const repository = await readWorkingTree(root);
      const states = selectEnvironments(repository, options.env);
      const check = checkRepository(states, pack, { now, repository });
      const applied = new Map(await Promise.all(states.map(async (s) => [s.name, await appliedHistory(root, s.name)] as const)));
      const files = buildSite({ states, check, now, day: isoDay(now), applied });
      const out = path.resolve(options.out);
      writeFolder(out, files, options.force ?? false, 'tak report');
      process.stderr.write(`wrote ${files.size.toLocaleString('en')} files; open ${path.join(options.out, 'index.html')}\n`);
    });
}
