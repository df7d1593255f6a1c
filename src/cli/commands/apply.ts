import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import { ApplyFailed, ApplyRefused, applyEnvironment } from '../../apply';
import type { Target } from '../../apply/deploy';
import { commandRunner } from '../../apply/runner';
import { CliError, EXIT } from '../errors';
import { clock, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface ApplyOptions extends CommonOptions, ClockOptions {
  env: string;
  dryRun?: boolean;
  autoApprove?: boolean;
  allowRollback?: boolean;
  target: Target;
}

/** `tak apply --env E`: deploy what was merged since E's last apply, publish its order, record it. */
export function register(program: Command): void {
  withClock(withCommonOptions(program.command('apply')))
    .description('deploy the commits merged since the last apply of an environment, publish its order, and record the applied commit')
    .requiredOption('-e, --env <name>', 'the environment to apply')
    .option('--dry-run', 'do everything but terraform apply, publishing and recording: show the steps and the order with its number')
    .option('--auto-approve', 'do not ask before changing the platform (CI)')
    .option('--allow-rollback', 'apply even when HEAD does not contain the applied commit (an older or diverged state)')
    .addOption(new Option('--target <target>', 'deploy the cdktf stack with terraform, or the plain manifests with kubectl').choices(['terraform', 'manifests']).default('terraform'))
    .action(async (options: ApplyOptions) => {
      const root = repositoryRoot(options);
      try {
        await applyEnvironment({
          root,
          env: options.env,
          dryRun: options.dryRun ?? false,
          allowRollback: options.allowRollback ?? false,
          target: options.target,
          now: clock(options),
          runner: commandRunner(),
          confirm: () => approve(options.autoApprove ?? false, options.env),
          output: (text) => process.stdout.write(text),
        });
      } catch (error) {
        if (error instanceof ApplyRefused) throw new CliError(error.message, EXIT.findings);
        if (error instanceof ApplyFailed) throw new CliError(`apply of ${options.env} failed at ${error.step}: ${error.message}`, error.exitCode);
        throw error;
      }
    });
}

/** Terraform's own rule: yes, typed, on a terminal; without one, only --auto-approve goes ahead. */
async function approve(auto: boolean, env: string): Promise<boolean> {
  if (auto) return true;
  if (!process.stdin.isTTY) throw new CliError(`apply of ${env} needs approval and there is no terminal to ask on; pass --auto-approve (CI) or run it in a terminal`, EXIT.findings);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`Apply these changes to ${env}? Only 'yes' will be accepted: `)).trim() === 'yes';
  } finally {
    rl.close();
  }
}
