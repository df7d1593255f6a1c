/**
 * A command pays only for what it uses: `tak --version` runs the compiled CLI (build/, written by
 * `npm ci` and `npm run build`; `npm test` builds first) and loads none of the commands' modules, and
 * a command loads its own. Timing is left to `npm run bench` (this machine is shared); what is
 * loaded decides the start-up time and does not vary with the load on the machine.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** The modules of this package and its dependencies that are loaded after running `tak <args>`. */
function loadedAfter(args: string[]): { out: string; modules: string[] } {
  const script = `
    const cli = require(${JSON.stringify(path.join(root, 'build/src/cli/main.js'))});
    cli.main(['node', 'tak', ...${JSON.stringify(args)}]).then(() => {
      process.stderr.write('\\n' + JSON.stringify(Object.keys(require.cache)));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  const lines = run.stderr.trim().split('\n');
  const modules = (JSON.parse(lines[lines.length - 1]) as string[]).map((m) => path.relative(root, m));
  return { out: run.stdout, modules };
}

describe('start-up', () => {
  it('answers --version from the compiled CLI without loading any command', () => {
    const { out, modules } = loadedAfter(['--version']);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(modules.filter((m) => m.startsWith('build/src/cli/commands/'))).toEqual([]);
    const dependencies = new Set(modules.filter((m) => m.startsWith('node_modules/')).map((m) => m.split('/')[1]));
    expect([...dependencies]).toEqual(['commander']);
  });

  it('loads only the command that is run', () => {
    const { modules } = loadedAfter(['rules', '-f', 'json']);
    expect(modules.filter((m) => m.startsWith('build/src/cli/commands/'))).toEqual(['build/src/cli/commands/rules.js']);
    expect(modules.some((m) => m.startsWith('node_modules/cdktf/'))).toBe(false);
  });
});
