import { Option, type Command } from 'commander';
import { renderDriftJson, renderDriftMarkdown, renderDriftText } from '../../apply/drift';
import { DeployFailed } from '../../apply/deploy';
import { checkDrift, DriftUnavailable } from '../../apply/drift-check';
import { commandRunner } from '../../apply/runner';
import { CliError, EXIT } from '../errors';
import { clock, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface DriftOptions extends CommonOptions, ClockOptions {
  env: string;
  takapi?: string;
  terraform: boolean;
  format: 'text' | 'markdown' | 'json';
}

/** `tak drift --env E`: what is live against what the applied commit declares; exit 1 on drift. Never corrects. */
export function register(program: Command): void {
  withClock(withCommonOptions(program.command('drift')))
    .description('compare what is live (the TAK-api, terraform plan) with what the applied commit declares; exit 1 on drift')
    .requiredOption('-e, --env <name>', 'the environment to check')
    .option('--takapi <url|dir>', 'the TAK-api base URL (basic auth from TAK_API_USER/TAK_API_PASSWORD) or a folder of its responses')
    .option('--no-terraform', 'do not check the Kubernetes side with terraform plan')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .action(async (options: DriftOptions) => {
      const root = repositoryRoot(options);
      let report;
      try {
        report = await checkDrift({ root, env: options.env, takapi: options.takapi, kubernetes: options.terraform, now: clock(options), runner: commandRunner(), output: (t) => process.stderr.write(t) });
      } catch (error) {
        if (error instanceof DriftUnavailable) throw new CliError(error.message);
        if (error instanceof DeployFailed) throw new CliError(`drift of ${options.env} could not check the Kubernetes side: ${error.message} (or pass --no-terraform)`, error.exitCode === EXIT.findings ? EXIT.usage : error.exitCode);
        throw error;
      }
      const render = { text: renderDriftText, markdown: renderDriftMarkdown, json: renderDriftJson }[options.format];
      process.stdout.write(render(report));
      process.exitCode = report.differences > 0 ? EXIT.findings : EXIT.ok;
    });
}
