import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { writeOutput } from '../../export/output';
import { scaffold } from '../../init/scaffold';
import { ownerSchema } from '../../model/schemas';
import { CliError } from '../errors';
import { withCommonOptions, type CommonOptions } from '../options';

interface InitOptions extends CommonOptions {
  owner: string;
  package?: string;
  force?: boolean;
}

/** `tak init`: scaffolds a new catalog repository (config/, environments/, package.json, the pull-request workflow). */
export function register(program: Command): void {
  withCommonOptions(program.command('init'))
    .description('scaffold a new catalog repository: platform owners, trusted CAs, the address catalog, test/qa/prod, package.json and the pull-request workflow')
    .requiredOption('--owner <handle>', 'the platform team (@org/team), owner of every platform-level file')
    .option('--package <spec>', 'how package.json names tak-gitops (e.g. git+https://host/tak-gitops.git#v0.1.0)')
    .option('--force', 'replace files of the scaffold that already exist')
    .action(async (options: InitOptions) => {
      if (!ownerSchema.safeParse(options.owner).success) throw new CliError(`--owner ${JSON.stringify(options.owner)} is not one @user, @org/team or e-mail address`);
      // A new repository: the folder need not hold config/ yet (or exist at all).
      const root = path.resolve(options.dir);
      if (existsSync(root) && !statSync(root).isDirectory()) throw new CliError(`${options.dir} is not a folder`);
      const files = scaffold({ owner: options.owner, packageSpec: options.package });
      const existing = [...files.keys()].filter((f) => existsSync(path.join(root, f)));
      if (existing.length > 0 && !options.force) {
        throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace, or run tak init in an empty folder`);
      }
      for (const [file, text] of files) await writeOutput(path.join(root, file), text, options.force ?? false);
      process.stdout.write(`wrote ${files.size} files; next: npm install, add systems under config/systems/, then tak codeowners and tak validate\n`);
    });
}
