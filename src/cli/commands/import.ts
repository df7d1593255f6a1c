/**
 * `tak import tak-export FILE | takapi DIR | order FILE --env E`: the platform's formats into
 * declarations. Works in an empty folder (or empty git repository); see src/import/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { readTakExportFile } from '../../formats/tak-export/read';
import { readTakApiFolder } from '../../formats/takapi/read';
import { isoDay } from '../../check/periods';
import { importTables } from '../../import';
import { importOrder } from '../../import/order';
import { withRepositoryLock } from '../../fs/journal';
import { CliError, EXIT } from '../errors';
import { clock, loadOptions, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';
import { progress } from '../progress';

interface ImportOptions extends CommonOptions, ClockOptions {
  env: string;
  platform?: string;
  includeExpired?: boolean;
  force?: boolean;
  connectionPoint?: string;
}

const ENV = /^[a-z][a-z0-9-]{0,30}$/;

function target(options: ImportOptions): string {
  if (!ENV.test(options.env)) throw new CliError(`--env ${options.env} is not an environment name (lower case, such as test, qa or prod)`);
  const root = path.resolve(options.dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`${options.dir} is not a folder`);
  return root;
}

function inputFile(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`${file} is not a file`);
  return file;
}

/** The reader's notes on stderr once the import succeeded, the report on stdout. */
function report(lines: string[], notes: string[]): void {
  for (const n of notes) process.stderr.write(`note: ${n}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const common = (command: Command) =>
  withClock(withCommonOptions(command))
    .requiredOption('-e, --env <name>', 'the environment to import into')
    .option('--force', 'replace the environment\'s existing connection files');

export function register(program: Command): void {
  const importCommand = program.command('import').description('turn the platform\'s catalog formats into declarations');

  common(importCommand.command('tak-export <file>'))
    .description('import the catalog\'s export (JSON, relationships by id)')
    .option('--platform <id>', 'order platform id for a new environment.yaml (default NTJP-<ENV>)')
    .option('--include-expired', 'keep rows whose validity has ended')
    .action(async (file: string, options: ImportOptions) => {
      const root = target(options);
      const today = isoDay(clock(options));
      const shown = progress('tak import');
      shown.step(`reading ${path.basename(file)}`);
      const read = readTakExportFile(inputFile(file));
      const origin = `the catalog export ${path.basename(file)}`;
      shown.step('writing the declarations');
      const lines = await withRepositoryLock(root, 'tak import tak-export', () =>
        importTables(root, options.env, read.tables, { today, includeExpired: options.includeExpired, platform: options.platform, origin, force: options.force, load: loadOptions(options) }),
      );
      shown.end();
      report(lines, read.notes);
    });

  common(importCommand.command('takapi <dir>'))
    .description('import a folder of TAK-api responses (<endpoint>.json, relations embedded as the api answers by default, or given by id)')
    .option('--platform <id>', 'order platform id for a new environment.yaml (default: the connection point)')
    .option('--connection-point <platform-environment>', 'the connection point to import when the responses cover several, e.g. NTJP-PROD')
    .action(async (dir: string, options: ImportOptions) => {
      const root = target(options);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a folder`);
      const today = isoDay(clock(options));
      const read = readTakApiFolder(dir, options.connectionPoint);
      const platform = options.platform ?? read.platform;
      const origin = `the TAK-api responses in ${path.basename(path.resolve(dir))}`;
      const lines = await withRepositoryLock(root, 'tak import takapi', () =>
        importTables(root, options.env, read.tables, { today, platform, installed: read.installed, origin, force: options.force, load: loadOptions(options) }),
      );
      report(lines, read.notes);
    });

  withClock(withCommonOptions(importCommand.command('order <file>')))
    .description('apply a JSON order to the environment\'s declarations, as the platform would execute it')
    .requiredOption('-e, --env <name>', 'the environment the order is for')
    .option('--platform <id>', 'the environment\'s order platform id, when it has no environment.yaml yet')
    .action(async (file: string, options: ImportOptions) => {
      const root = target(options);
      const order = readFileSync(inputFile(file), 'utf8');
      const result = await withRepositoryLock(root, 'tak import order', () =>
        importOrder(root, options.env, order, { now: clock(options), platform: options.platform, origin: path.basename(file), load: loadOptions(options) }),
      );
      if (result.errors.length) {
        process.stderr.write(`the order is refused; nothing was written:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
        process.exitCode = EXIT.findings;
        return;
      }
      process.stdout.write(`${result.report.join('\n')}\n`);
    });
}
