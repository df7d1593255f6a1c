import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors';
import { version } from './version';
import { register as validate } from './commands/validate';
import { register as rules } from './commands/rules';
import { register as importCommand } from './commands/import';
import { register as exportCommand } from './commands/export';
import { register as synth } from './commands/synth';
import { register as plan } from './commands/plan';
import { register as codeowners } from './commands/codeowners';

/** The commands, each in its own file; the CLI only wires them to the steps of src/. */
const commands = [validate, rules, importCommand, exportCommand, synth, plan, codeowners];

export function buildProgram(): Command {
  const program = new Command('tak')
    .description('The platform addressing catalog (TAK) as code')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run tak --help for the commands)');
  for (const register of commands) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI: known problems get one clear line and exit 2; anything else is a bug, with its trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    process.exitCode = undefined;
    await buildProgram().parseAsync(argv);
    // Commands report their outcome through process.exitCode; hand it back to the caller instead,
    // so that the CLI can also be run in-process (tests) without leaking the code.
    const code = Number(process.exitCode ?? EXIT.ok);
    process.exitCode = undefined;
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`tak: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`tak: internal error, please report it: ${(error as Error)?.stack ?? error}\n`);
    return 70;
  }
}
