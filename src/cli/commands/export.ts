/**
 * `tak export order|tak-export|vp-cache|takapi --env E [-o PATH] [--force]`: an environment's
 * declarations in the platform's formats. Files are written atomically and never replaced without
 * --force; without -o the text goes to standard output (takapi, a folder, needs -o).
 */
import * as path from 'node:path';
import { Argument, type Command } from 'commander';
import { isoDay } from '../../check/periods';
import { stockholmTimestamp } from '../../model/days';
import { tablesFromState } from '../../formats/tak/tables';
import { takExportChunks } from '../../formats/tak-export/write';
import { takApiFiles, takApiResponses } from '../../formats/takapi/write';
import { validateOrderSchema } from '../../formats/order/schema';
import { stateVpCacheChunks } from '../../formats/vp-cache';
import { wholeOrder } from '../../export/order';
import { writeFolder, writeOutput } from '../../export/output';
import { readWorkingTree } from '../../pipeline';
import { CliError, EXIT } from '../errors';
import { clock, loadOptions, repositoryRoot, selectEnvironments, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';
import { progress } from '../progress';
import { visible } from '../../model/characters';
import type { Diagnostic } from '../../model/diagnostics';
import { ensureOutputFolder } from '../out-folder';

interface ExportOptions extends CommonOptions, ClockOptions {
  env: string;
  out?: string;
  force?: boolean;
}

const FORMATS = ['order', 'tak-export', 'vp-cache', 'takapi'] as const;
type Format = (typeof FORMATS)[number];

/** A declaration that did not load would be silently missing from the export: nothing is written. */
function refuseUnloaded(diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const [first] = diagnostics;
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  throw new CliError(`${first.location.file}:${first.location.line}: ${visible(first.message)}${more}; nothing was exported: run tak validate and correct the declarations`, EXIT.findings);
}

export function register(program: Command): void {
  withClock(withCommonOptions(program.command('export')))
    .description('write an environment in one of the platform\'s formats')
    .addArgument(new Argument('<format>', 'what to write').choices(FORMATS))
    .requiredOption('-e, --env <name>', 'the environment')
    .option('-o, --out <path>', 'the file (a folder for takapi); standard output when absent')
    .option('--force', 'replace an existing output')
    .action(async (format: Format, options: ExportOptions) => {
      const root = repositoryRoot(options);
      const now = clock(options);
      const today = isoDay(now);
      const shown = progress('tak export');
      shown.step('reading the declarations');
      const [state] = selectEnvironments(await readWorkingTree(root, loadOptions(options)), options.env);
      // Text for standard output must not start on the progress line.
      if (options.out) shown.step(`writing ${format}`);
      else shown.end();
      refuseUnloaded(state.diagnostics);
      // The VP cache is written from the state's entries, as synth writes it: no rows of the platform's tables first.
      const tables = format === 'vp-cache' ? undefined : tablesFromState(state);
      const platform = state.environment?.platform ?? options.env.toUpperCase();
      const out = options.out ? path.resolve(options.out) : undefined;
      if (out) ensureOutputFolder(path.dirname(out), '--out');
      const emit = async (content: string | Iterable<string>) => {
        if (out) await writeOutput(out, content, options.force ?? false);
        else for (const piece of typeof content === 'string' ? [content] : content) process.stdout.write(piece);
      };
      if (!tables) await emit(stateVpCacheChunks(state));
      else if (format === 'tak-export') await emit(takExportChunks(tables, { today, kommentar: `tak export tak-export --env ${state.name}` }));
      else if (format === 'order') {
        const { order, notes } = wholeOrder(tables, platform, now, today);
        const problems = validateOrderSchema(order, 'written');
        if (problems.length) throw new CliError(`the order would not be valid against the platform's schema: ${problems.join('; ')}`);
        for (const n of notes) process.stderr.write(`note: ${n}\n`);
        await emit(`${JSON.stringify(order, null, 2)}\n`);
      } else {
        if (!out) throw new CliError('takapi writes a folder of responses: name it with -o');
        const installed = state.installedContracts.map((c) => c.namespace ?? c.ref);
        const files = takApiFiles(takApiResponses(tables, { platform, snapshotTime: stockholmTimestamp(now), installed }));
        const kept = writeFolder(out, files, options.force ?? false, 'tak export takapi');
        if (kept.length) process.stderr.write(`note: kept ${kept.length} files in ${out} that tak did not write: ${kept.join(', ')}\n`);
      }
      shown.end();
      if (out) process.stderr.write(`wrote ${path.relative(process.cwd(), out) || out}\n`);
    });
}
