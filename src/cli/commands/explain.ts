/**
 * `tak explain --env E --consumer HSA --contract C --logical-address LA [--at DATE] [--format json]`:
 * what the platform's VP does with one call. Exit 0 when the call goes through, 1 when the VP would
 * refuse it (VP004, VP006, VP007).
 */
import { Option, type Command } from 'commander';
import { isoDay } from '../../check/periods';
import { explainCall, renderExplanation } from '../../explain';
import { readWorkingTree } from '../../pipeline';
import { EXIT } from '../errors';
import { clock, repositoryRoot, selectEnvironments, withCommonOptions, type CommonOptions } from '../options';

interface ExplainOptions extends CommonOptions {
  env: string;
  consumer: string;
  contract: string;
  logicalAddress: string;
  at?: string;
  format: 'text' | 'json';
}

export function register(program: Command): void {
  withCommonOptions(program.command('explain'))
    .description('resolve one call as the platform does: the routing it reaches, the authorization that allows it, or the VP error')
    .requiredOption('-e, --env <name>', 'the environment')
    .requiredOption('--consumer <hsa-id>', 'the calling system (the HSA-id of its certificate)')
    .requiredOption('--contract <contract>', 'the service contract (GetForms:2 or its namespace)')
    .requiredOption('--logical-address <hsa-id>', 'the logical address called')
    .option('--at <date>', 'the day of the call (YYYY-MM-DD; default today)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: ExplainOptions) => {
      const root = repositoryRoot(options);
      const day = isoDay(clock({ now: options.at }));
      const [state] = selectEnvironments(await readWorkingTree(root), options.env);
      const explanation = explainCall(state, { consumer: options.consumer, contract: options.contract, logicalAddress: options.logicalAddress, day });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
      process.exitCode = explanation.outcome === 'ok' ? EXIT.ok : EXIT.findings;
    });
}
