import { Option, type Command } from 'commander';
import { repositoryStatus, renderStatusText } from '../../apply/status';
import { resolveCommit } from '../../apply/git';
import { CliError } from '../errors';
import { clock, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface StatusOptions extends CommonOptions, ClockOptions {
  format: 'text' | 'json';
}

/** `tak status`: what is live in each environment, and how far HEAD is ahead of it. */
export function register(program: Command): void {
  withClock(withCommonOptions(program.command('status')))
    .description('per environment, in promotion order: the applied commit, how far HEAD is ahead, the pending order number, the last drift check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: StatusOptions) => {
      const root = repositoryRoot(options);
      if (!resolveCommit(root, 'HEAD')) throw new CliError(`${root} is not a git repository with a commit; tak status reads the applied commits from git`);
      const list = await repositoryStatus(root, clock(options));
      process.stdout.write(options.format === 'json' ? `${JSON.stringify({ environments: list }, null, 2)}\n` : renderStatusText(list));
    });
}
