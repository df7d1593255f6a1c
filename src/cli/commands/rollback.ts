import type { Command } from 'commander';
import { remoteOf } from '../../apply/git';
import { RollbackRefused, writeRollback } from '../../apply/rollback';
import { CliError } from '../errors';
import { repositoryRoot, withCommonOptions, type CommonOptions } from '../options';

interface RollbackOptions extends CommonOptions {
  env: string;
  to: string;
  branch?: string;
}

/** `tak rollback --env E --to REF`: a revert branch whose plan undoes E's changes since REF. */
export function register(program: Command): void {
  withCommonOptions(program.command('rollback'))
    .description("write a branch whose commit puts an environment's declarations back as they were at a revision")
    .requiredOption('-e, --env <name>', 'the environment to roll back')
    .requiredOption('--to <ref>', 'the revision to go back to (e.g. the previously applied commit)')
    .option('--branch <name>', 'the branch to write (default tak/rollback/<env>-<commit>)')
    .action((options: RollbackOptions) => {
      const root = repositoryRoot(options);
      let result;
      try {
        result = writeRollback(root, options.env, options.to, options.branch);
      } catch (error) {
        if (error instanceof RollbackRefused) throw new CliError(error.message);
        throw error;
      }
      if (!result.commit) {
        process.stdout.write(`environments/${options.env}/ is the same at ${options.to} and HEAD; there is nothing to roll back\n`);
        return;
      }
      const remote = remoteOf(root) ?? '<remote>';
      process.stdout.write(`wrote ${result.branch} (${result.commit.slice(0, 12)}): environments/${options.env}/ as at ${options.to}\n`);
      if (result.sharedChanged) process.stdout.write(`note: config/ changed since ${options.to} and is kept as it is at HEAD (it serves every environment); review it in the pull request\n`);
      process.stdout.write(`next: tak plan --base HEAD --head ${result.branch} --env ${options.env} to review, then git push ${remote} ${result.branch} and open a pull request; apply follows its merge\n`);
    });
}
