import { Option, type Command } from 'commander';
import { checkRepository } from '../../check/engine';
import { pack } from '../../../policies/pack';
import { openParseCache } from '../../load/parse-cache';
import { readWorkingTree } from '../../pipeline';
import { renderText } from '../../report/validate-text';
import { renderJson } from '../../report/validate-json';
import { renderSarif } from '../../report/validate-sarif';
import { renderMarkdown } from '../../report/validate-markdown';
import { EXIT } from '../errors';
import { clock, loadOptions, repositoryRoot, selectEnvironments, withClock, withCommonOptions, type ClockOptions, type CommonOptions } from '../options';
import { version } from '../version';

interface ValidateOptions extends CommonOptions, ClockOptions {
  env?: string;
  format: 'text' | 'json' | 'sarif' | 'markdown';
  cache: boolean;
}

/**
 * `tak validate`: offline checks of the declarations; never writes to the working tree. Like `tak
 * plan`, it keeps the parse of the files in git's folder (.git/tak/), so that a run after a small
 * edit parses and validates only the edited files (`--no-cache`: neither read nor write it).
 */
export function register(program: Command): void {
  withClock(withCommonOptions(program.command('validate')))
    .description('check the declarations against their schemas and the policy rules')
    .option('-e, --env <name>', 'only this environment')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
    .option('--no-cache', 'neither read nor write the parse of earlier runs (kept in .git/tak/)')
    .action(async (options: ValidateOptions) => {
      const root = repositoryRoot(options);
      const now = clock(options);
      const parses = options.cache ? openParseCache(root) : undefined;
      const repository = await readWorkingTree(root, loadOptions(options), parses?.cache);
      parses?.save();
      const states = selectEnvironments(repository, options.env);
      const result = checkRepository(states, pack, { now, repository });
      const names = states.map((s) => s.name);
      const render = {
        text: () => renderText(result, names),
        json: () => renderJson(result),
        sarif: () => renderSarif(result, pack, version),
        markdown: () => renderMarkdown(result, names),
      }[options.format];
      process.stdout.write(render());
      process.exitCode = result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
    });
}
