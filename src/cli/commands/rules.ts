import { Option, type Command } from 'commander';
import { pack } from '../../../policies/pack';
import { renderRulesJson, renderRulesMarkdown, renderRulesText } from '../../report/rules';

/** `tak rules`: the rule pack with the level of each rule per stage and what it checks. */
export function register(program: Command): void {
  program
    .command('rules')
    .description('list the policy rules with their level per stage (test, qa, prod) and what they check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .action((options: { format: 'text' | 'markdown' | 'json' }) => {
      const render = { text: renderRulesText, markdown: renderRulesMarkdown, json: renderRulesJson }[options.format];
      process.stdout.write(render(pack));
    });
}
