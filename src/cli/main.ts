import { Command, CommanderError } from 'commander';
import { cleanUpOnExit } from '../cleanup';
import { FormatError } from '../formats/errors';
import { LockHeld } from '../fs/lock';
import { OutputExists } from '../fs/replace';
import { ImportConflict } from '../import/write';
import { CliError, EXIT } from './errors';
import { version } from './version';
import { register as validate } from './commands/validate';
import { register as rules } from './commands/rules';
import { register as importCommand } from './commands/import';
import { register as exportCommand } from './commands/export';
import { register as synth } from './commands/synth';
import { register as plan } from './commands/plan';
import { register as codeowners } from './commands/codeowners';
import { register as init } from './commands/init';
import { register as apply } from './commands/apply';
import { register as status } from './commands/status';
import { register as drift } from './commands/drift';
import { register as rollback } from './commands/rollback';

/** The commands, each in its own file; the CLI only wires them to the steps of src/. */
const commands = [validate, rules, importCommand, exportCommand, synth, plan, codeowners, init, apply, status, drift, rollback];

function buildProgram(): Command {
  const program = new Command('tak')
    .description('The platform addressing catalog (TAK) as code')
    .version(version)
    .exitOverride();
  for (const register of commands) register(program);
  oneLineErrors(program, 'tak');
  return program;
}

/**
 * Commander's own errors (unknown option, missing argument, bad choice) as one line in the same
 * form as the commands' own: `tak: what; run tak <command> --help for its options`.
 */
function oneLineErrors(command: Command, name: string): void {
  const hint = command.parent ? `run ${name} --help for its options` : `run ${name} --help for the commands`;
  command.exitOverride().configureOutput({
    outputError: (text, write) => write(`tak: ${text.replace(/^error: /, '').trim().replace(/\.$/, '').split('\n').join(' ')}; ${hint}\n`),
  });
  for (const sub of command.commands) oneLineErrors(sub, `${name} ${sub.name()}`);
}

/** Problems the steps report for the user to fix (an unreadable import, an output in the way): exit 2. */
const USER_PROBLEMS = [OutputExists, FormatError, ImportConflict, LockHeld];

/** What a file-system error means for the user, by its code (the path comes with the error). */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'no permission',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way',
  EISDIR: 'it is a folder',
  ENOENT: 'it does not exist',
};

/** A file-system error (an output that cannot be written, a folder that cannot be made) as one line. */
function fileProblem(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  const problem = e && typeof e.code === 'string' ? FILE_PROBLEMS[e.code] : undefined;
  if (!problem || !e.path) return undefined;
  return `cannot ${e.syscall ?? 'use'} ${e.path}: ${problem}; choose another path or fix its permissions`;
}

/** Runs the CLI: known problems get one clear line and exit 2; anything else is a bug, with its trace. */
export async function main(argv: string[]): Promise<number> {
  // Ctrl-C or a CI timeout: no temporary files or folders are left behind (exit 130/143).
  cleanUpOnExit();
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
    if (error instanceof CliError || USER_PROBLEMS.some((kind) => error instanceof kind)) {
      process.stderr.write(`tak: ${(error as Error).message}\n`);
      return error instanceof CliError ? error.exitCode : EXIT.usage;
    }
    const problem = fileProblem(error);
    if (problem) {
      process.stderr.write(`tak: ${problem}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`tak: internal error, please report it: ${(error as Error)?.stack ?? error}\n`);
    return 70;
  }
}
