/**
 * `tak request <kind>`: one subcommand per order kind of the platform's ordering tool. Each writes
 * the declarations for the user (a branch with one commit, checked by the policy pack first); in a
 * terminal it asks for what the flags leave out, in a script it never asks.
 */
import type { Command } from 'commander';
import { terminal, noTerminal } from '../../request/ask';
import type { RequestDraft, RequestInput } from '../../request/common';
import { runRequest } from '../../request/run';
import { draftAuthorization, draftRouting, type AuthorizationOptions, type RoutingOptions } from '../../request/kinds/connect';
import { draftChangeUrl, type ChangeUrlOptions } from '../../request/kinds/change-url';
import { draftRemove, type RemoveOptions } from '../../request/kinds/remove';
import { draftDeactivate, type DeactivateOptions } from '../../request/kinds/deactivate';
import { draftSystem, type SystemOptions } from '../../request/kinds/system';
import { draftPromote, type PromoteOptions } from '../../request/kinds/promote';
import { EXIT } from '../errors';
import { clock, repositoryRoot, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';

interface RunFlags extends CommonOptions, ClockOptions {
  branch?: string;
  yes?: boolean;
  openPr?: boolean;
}

const many = (value: string, previous: string[] = []) => [...previous, value];

/** The options every kind takes, and the action that drafts, checks and commits. */
function requestCommand<T extends object>(parent: Command, name: string, description: string, draft: (input: RequestInput, options: T) => Promise<RequestDraft>): Command {
  return withClock(withCommonOptions(parent.command(name)))
    .description(description)
    .option('--branch <name>', 'the branch to create (default: request/<env>-<kind>-<what>)')
    .option('-y, --yes', 'do not ask for confirmation in a terminal')
    .option('--open-pr', 'push the branch and open a pull request with gh')
    .action(async (options: T & RunFlags) => {
      const root = repositoryRoot(options);
      const ask = process.stdin.isTTY && process.stdout.isTTY ? terminal : noTerminal;
      const result = await runRequest(
        { root, now: clock(options), ask, branch: options.branch, yes: options.yes, openPr: options.openPr, say: (line) => process.stdout.write(`${line}\n`) },
        (input) => draft(input, options),
      );
      process.exitCode = result.done ? EXIT.ok : EXIT.findings;
    });
}

const env = (c: Command) => c.option('-e, --env <name>', 'the environment');
const addresses = (c: Command) =>
  c
    .option('--logical-address <hsa-id[=description]>', 'a logical address (repeatable); a new one takes its description after =', many)
    .option('--logical-addresses-from <file>', 'logical addresses one a line, or CSV: HSA-id[,description]');
const validity = (c: Command) => c.option('--valid-from <date>', 'first day (YYYY-MM-DD)').option('--valid-to <date>', 'last day (YYYY-MM-DD)');
const connectionFile = (c: Command) =>
  c
    .option('--file <path>', 'the connection file to add to (default: the one that routes the contract, or a new one)')
    .option('--prestudy <ref:date>', 'the approved pre-study of a new connection file, REF:YYYY-MM-DD')
    .option('--self-declaration <ref:date>', 'the approved self-declaration of a new connection file (needed in qa), REF:YYYY-MM-DD')
    .option('--description <text>', 'the description of a new connection file');

export function register(program: Command): void {
  const request = program.command('request').description('request a change as the ordering tool does: writes the declarations, a branch and a commit');

  addresses(validity(connectionFile(env(requestCommand<AuthorizationOptions>(request, 'authorization', 'authorize a consumer for contracts at logical addresses', draftAuthorization)))))
    .option('--consumer <hsa-id>', 'the consumer (the calling system)')
    .option('--contract <contract>', 'a service contract, GetForms:2 or its namespace (repeatable)', many);

  addresses(validity(connectionFile(env(requestCommand<RoutingOptions>(request, 'routing', 'route contracts at logical addresses to a producer', draftRouting)))))
    .option('--producer <hsa-id>', 'the producer (the answering system)')
    .option('--profile <profile>', 'the RIV-TA profile', undefined)
    .option('--contract <contract=url>', 'a contract and the producer\'s URL for it, GetForms:2=https://… (repeatable)', many)
    .option('--consumer <hsa-id>', 'also authorize this consumer for the same contracts and addresses (repeatable)', many)
    .option('--catalog-file <path>', 'where new logical addresses are added (default config/logical-addresses/<organisation>.yaml)');

  env(requestCommand<ChangeUrlOptions>(request, 'change-url', 'change the producer URL of routed contracts', draftChangeUrl))
    .option('--contract <contract=url>', 'a contract and its new URL (repeatable)', many)
    .option('--producer <hsa-id>', 'only the routing of this producer');

  addresses(env(requestCommand<RemoveOptions>(request, 'remove', 'remove logical addresses from routing and authorizations, or a whole connection', draftRemove)))
    .option('--contract <contract>', 'only these contracts (repeatable)', many)
    .option('--producer <hsa-id>', 'only routing of this producer')
    .option('--consumer <hsa-id>', 'only authorizations of this consumer')
    .option('--connection <file>', 'remove this whole connection file');

  requestCommand<DeactivateOptions>(request, 'deactivate', 'deactivate a system: its routing stays, it gets nothing new', draftDeactivate)
    .option('--system <hsa-id>', 'the system')
    .option('--date <date>', 'the day of deactivation (default today)')
    .option('--reason <text>', 'why');

  requestCommand<SystemOptions>(request, 'system', 'register a system', draftSystem)
    .option('--name <name>', 'the system\'s name')
    .option('--organisation <name>', 'the organisation that owns it')
    .option('--hsa-id <hsa-id>', 'the HSA-id of its function certificate')
    .option('--certificate <file>', 'its function certificate (PEM): the HSA-id is read from the subject serialNumber, and the file is added to each environment')
    .option('--description <text>', 'what it is')
    .option('--owner <team>', 'a code owner, e.g. @org/team (repeatable)', many)
    .option('--contact <role:name:email>', 'a contact (repeatable)', many)
    .option('--environment <env>', 'an environment it may be ordered in (repeatable)', many);

  requestCommand<PromoteOptions>(request, 'promote', 'copy a connection from the environment this one promotes from', draftPromote)
    .option('-e, --env <name>', 'the environment to promote to')
    .option('--connection <file>', 'the connection file in the source environment (path or file name)')
    .option('--from <env>', 'the source environment (default: promotesFrom of environment.yaml)')
    .option('--url <contract=url>', 'the URL of a contract in the target, when the producer\'s endpoint does not tell (repeatable)', many)
    .option('--prestudy <ref:date>', 'the pre-study approved for the target (needed for prod, unless the source\'s says covers: [qa, prod])')
    .option('--self-declaration <ref:date>', 'the approved self-declaration (needed for qa)')
    .option('--end-to-end <ref:date>', 'the approved End-2-End test (needed for prod)');
}
