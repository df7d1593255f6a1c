import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { CliError } from './errors';
import { isCalendarDay } from '../model/days';
import type { RepositoryState } from '../model/state';
import type { LoadOptions } from '../load';
import { DEFAULT_TYPESCRIPT } from '../load/typescript';

export interface CommonOptions {
  dir: string;
  /** false with `--no-typescript`. */
  typescript: boolean;
  typescriptTimeout?: string;
}

export interface ClockOptions {
  now?: string;
}

/** `-C, --dir` and the TypeScript options, which every command that reads a repository takes. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('-C, --dir <path>', 'repository root', '.')
    .option('--no-typescript', 'do not run TypeScript declarations (they are code): report each as an error instead')
    .option('--typescript-timeout <seconds>', `stop TypeScript declarations that take longer to load (default ${DEFAULT_TYPESCRIPT.timeoutMs / 1000})`);
}

/** How the declarations are loaded, from the common options. */
export function loadOptions(options: CommonOptions): LoadOptions {
  let timeoutMs = DEFAULT_TYPESCRIPT.timeoutMs;
  if (options.typescriptTimeout !== undefined) {
    const seconds = Number(options.typescriptTimeout);
    if (!/^\d+(\.\d+)?$/.test(options.typescriptTimeout) || !(seconds > 0)) {
      throw new CliError(`--typescript-timeout ${options.typescriptTimeout} is not a number of seconds`);
    }
    timeoutMs = seconds * 1000;
  }
  return { typescript: { run: options.typescript !== false, timeoutMs } };
}

/** `--now`, for the commands whose outcome depends on the date (validate, plan, import, export). */
export function withClock(command: Command): Command {
  return command.addOption(new Option('--now <date>', 'judge validity dates and certificate expiry as of this date (YYYY-MM-DD)'));
}

/** The repository root, refusing a folder that has neither config/ nor environments/. */
export function repositoryRoot(options: CommonOptions): string {
  const root = path.resolve(options.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`${options.dir} is not a folder`);
  if (!existsSync(path.join(root, 'config')) && !existsSync(path.join(root, 'environments'))) {
    throw new CliError(`${root} has neither config/ nor environments/; run the command in a tak-gitops repository or pass -C`);
  }
  return root;
}

export function clock(options: ClockOptions): Date {
  if (options.now === undefined) return new Date();
  // An empty --now (an unset variable in a script) is a mistake, not "today".
  if (!isCalendarDay(options.now)) throw new CliError(`--now "${options.now}" is not a date written YYYY-MM-DD; pass a real day such as 2026-06-01`);
  return new Date(`${options.now}T00:00:00Z`);
}

/** The environments a command works on: all of them, or the one named by --env. */
export function selectEnvironments(state: RepositoryState, env?: string) {
  if (!env) return [...state.environments.values()];
  const one = state.environments.get(env);
  if (!one) {
    throw new CliError(`there is no environment "${env}" (have: ${[...state.environments.keys()].join(', ') || 'none'})`);
  }
  return [one];
}
