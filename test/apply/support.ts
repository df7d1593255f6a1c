/**
 * Repositories for apply tests: the compliant three-environment repository with Kubernetes targets,
 * committed, with a bare remote; and the recorded runner that stands in for terraform and kubectl
 * (the only thing that is not real in these tests).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CommandRunner, RunRequest, RunResult } from '../../src/apply/runner';
import { useRunner } from '../../src/apply/runner';
import { runCli } from '../helpers/cli';
import { compliant, environmentYaml, ENVIRONMENTS } from '../helpers/repo';
import { git } from '../plan/git';

export { git };
export const NOW = '2026-06-01';

export interface TestRepo {
  root: string;
  remote: string;
  remove(): void;
}

/** `extra` adds lines to an environment's environment.yaml (e.g. an orderEndpoint). */
export async function applyRepo(extra: Partial<Record<string, string[]>> = {}): Promise<TestRepo> {
  const { files } = await compliant();
  const top = mkdtempSync(path.join(tmpdir(), 'tak-apply-'));
  const root = path.join(top, 'repo');
  const remote = path.join(top, 'remote.git');
  const all: Record<string, string> = { ...files, '.gitignore': 'cdktf.out/\ndist/\n.tak/\n' };
  for (const env of ENVIRONMENTS) {
    all[`environments/${env}/environment.yaml`] = environmentYaml(env, [`kubernetes: { namespace: tak-${env}, host: tp.${env}.example.se }`, ...(extra[env] ?? [])]);
  }
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(top, 'init', '-q', '--bare', remote);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Apply Test');
  git(root, 'config', 'user.email', 'apply-test@example.se');
  commit(root, 'declarations');
  git(root, 'remote', 'add', 'origin', remote);
  git(root, 'push', '-q', 'origin', 'main');
  return { root, remote, remove: () => rmSync(top, { recursive: true, force: true }) };
}

export function commit(root: string, message: string, files: Record<string, string | null> = {}): string {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    if (text === null) rmSync(full);
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

type Answer = { code: number; output?: string };

/**
 * Answers each command by its subcommand (`init`, `plan`, `apply`) and keeps what was asked;
 * `plan` writes the plan file as terraform does. `answers` may depend on the folder (the environment).
 */
export class RecordedRunner implements CommandRunner {
  readonly calls: RunRequest[] = [];

  constructor(private readonly answer: (sub: string, request: RunRequest) => Answer = (sub) => ({ code: sub === 'plan' ? 2 : 0 })) {}

  async run(request: RunRequest, output: (chunk: string) => void): Promise<RunResult> {
    this.calls.push(request);
    const sub = request.args.find((a, i) => !a.startsWith('-') && request.args[i - 1] !== '--context') ?? '';
    const { code, output: text = `${request.command} ${sub}: done\n` } = this.answer(sub, request);
    const out = request.args.find((a) => a.startsWith('-out='));
    if (out && code !== 1) writeFileSync(path.join(request.cwd, out.slice(5)), `plan of ${request.cwd}`);
    output(text);
    return { code, output: text };
  }

  /** `init`, `plan`, `apply` per call, with the environment's stack folder name. */
  steps(): string[] {
    return this.calls.map((c) => `${path.basename(c.cwd)} ${c.args.filter((a, i) => !a.startsWith('-') && c.args[i - 1] !== '--context').join(' ')}`.trim());
  }
}

/** `tak …` in-process with `runner` at the terraform/kubectl boundary. */
export async function tak(runner: CommandRunner, args: string[]) {
  const restore = useRunner(runner);
  try {
    return await runCli(args);
  } finally {
    restore();
  }
}
