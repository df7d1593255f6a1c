import { Command, CommanderError } from 'commander';
import { cleanUpOnExit } from '../cleanup';
import { CliError, EXIT } from './errors';
import { version } from './version';

type Register = (program: Command) => void;

/**
 * The commands, each in its own file; the CLI only wires them to the steps of src/. A command's
 * file is loaded only when the command line names it (all of them for help), so that a command
 * pays for its own dependencies only: `tak --version` answers without loading any.
 */
const commands: Record<string, () => Register> = {
  validate: () => require('./commands/validate').register,
  rules: () => require('./commands/rules').register,
  import: () => require('./commands/import').register,
  export: () => require('./commands/export').register,
  synth: () => require('./commands/synth').register,
  plan: () => require('./commands/plan').register,
  codeowners: () => require('./commands/codeowners').register,
  init: () => require('./commands/init').register,
  apply: () => require('./commands/apply').register,
  status: () => require('./commands/status').register,
  drift: () => require('./commands/drift').register,
  rollback: () => require('./commands/rollback').register,
  serve: () => require('./commands/serve').register,
  explain: () => require('./commands/explain').register,
  request: () => require('./commands/request').register,
  report: () => require('./commands/report').register,
};

/** The commands the arguments may name (a superset: an option's value may look like one); all when none is named. */
function commandsFor(args: string[]): string[] {
  const named = Object.keys(commands).filter((name) => args.includes(name));
  if (named.length > 0) return named;
  return args.length > 0 && args.every((a) => a === '--version' || a === '-V') ? [] : Object.keys(commands);
}

function buildProgram(args: string[]): Command {
  const program = new Command('tak')
    .description('The platform addressing catalog (TAK) as code')
    .version(version)
    .option('-C, --dir <path>', 'run as if tak was started in this folder (as git -C): before the command, e.g. tak -C repo validate')
    .enablePositionalOptions()
    .exitOverride();
  program.hook('preSubcommand', () => {
    const dir = program.opts<{ dir?: string }>().dir;
    if (dir !== undefined) enter(dir);
  });
  for (const name of commandsFor(args)) commands[name]()(program);
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

/** `tak -C DIR …`: every path of the command, its own `-C` included, is then relative to DIR. */
function enter(dir: string): void {
  try {
    process.chdir(dir);
  } catch {
    throw new CliError(`-C ${dir}: there is no folder ${dir}; name the repository's folder`);
  }
}

/**
 * Problems the steps report for the user to fix (an unreadable import, an output in the way): exit 2.
 * Their modules are loaded when an error is being judged (by then the step that threw has loaded its own).
 */
const userProblems = (): (abstract new (...args: never[]) => Error)[] => [
  require('../fs/replace').OutputExists,
  require('../formats/errors').FormatError,
  require('../import/write').ImportConflict,
  require('../fs/lock').LockHeld,
  require('../resolve/references').UnknownReference,
  require('../request/address-list').RequestInputError,
  require('../request/ask').MissingInput,
  require('../request/yaml-edit').UneditableFile,
];

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
  const cwd = process.cwd();
  try {
    process.exitCode = undefined;
    await buildProgram(argv.slice(2)).parseAsync(argv);
    // Commands report their outcome through process.exitCode; hand it back to the caller instead,
    // so that the CLI can also be run in-process (tests) without leaking the code.
    const code = Number(process.exitCode ?? EXIT.ok);
    process.exitCode = undefined;
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof (require('../request/git') as typeof import('../request/git')).RequestRefused) {
      process.stderr.write(`tak: ${error.message}\n`);
      return EXIT.findings;
    }
    // Ctrl-C at a prompt of `tak request`: interrupted, as a signal would.
    if ((error as Error)?.name === 'ExitPromptError') return 130;
    if (error instanceof CliError || userProblems().some((kind) => error instanceof kind)) {
      process.stderr.write(`tak: ${(error as Error).message}\n`);
      return error instanceof CliError ? error.exitCode : EXIT.usage;
    }
    if (error instanceof (require('../formats/errors') as typeof import('../formats/errors')).UnencodableValue) {
      process.stderr.write(`tak: ${error.message}\n`);
      return EXIT.findings;
    }
    const problem = fileProblem(error);
    if (problem) {
      process.stderr.write(`tak: ${problem}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`tak: internal error, please report it: ${(error as Error)?.stack ?? error}\n`);
    return 70;
  } finally {
    // In-process runs (tests) get their folder back after `tak -C DIR`.
    process.chdir(cwd);
  }
}
