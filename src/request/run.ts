/**
 * The one way every request kind is carried out: draft from HEAD, refuse what cannot be done (a
 * dirty file, a taken branch), check the result with the whole policy pack (nothing is written when
 * it brings errors), then one commit on a new branch, and the next step for the user.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { isoDay } from '../check/periods';
import { GitRevisionReader } from '../load/git-reader';
import { readState } from '../pipeline';
import { findingLine } from '../report/validate-text';
import type { Asker } from './ask';
import type { RequestDraft, RequestInput } from './common';
import { RequestRefused, RequestRepository } from './git';
import { checkRequest } from './validate';

export interface RunOptions {
  root: string;
  now: Date;
  ask: Asker;
  branch?: string;
  yes?: boolean;
  openPr?: boolean;
  /** Where the report of the run goes (standard error for the CLI). */
  say: (line: string) => void;
}

export interface RunResult {
  /** false when validation refused the request (nothing was written). */
  done: boolean;
  branch?: string;
  commit?: string;
}

export async function runRequest(options: RunOptions, draft: (input: RequestInput) => Promise<RequestDraft>): Promise<RunResult> {
  const repo = await RequestRepository.open(options.root);
  const reader = await GitRevisionReader.open(options.root, 'HEAD', 'head');
  try {
    const state = await readState(reader);
    const files = new Set(await reader.list());
    const text = async (file: string) => (files.has(file) ? (await reader.read(file)).toString('utf8') : undefined);
    const request = await draft({ state, text, now: options.now, today: isoDay(options.now), ask: options.ask });
    await repo.checkClean(request.changes.keys());
    const branch = options.branch ?? request.branch;
    await repo.checkBranch(branch);
    const { result, newErrors } = await checkRequest(reader, state, request.changes, options.now);
    options.say(request.subject);
    for (const [file, content] of request.changes) options.say(`  ${content === null ? 'removes' : (await text(file)) === undefined ? 'creates' : 'edits'} ${file}`);
    if (newErrors.length) {
      for (const f of newErrors) options.say(findingLine(f));
      options.say(`refused: the request brings ${newErrors.length} error${newErrors.length > 1 ? 's' : ''} (above); nothing was written`);
      return { done: false };
    }
    const warnings = result.findings.filter((f) => f.level === 'warning' && !f.suppressed).length;
    options.say(`  checked with tak validate: no new errors${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`);
    if (options.ask.interactive && !options.yes && !(await options.ask.confirm(`Create branch ${branch} with this commit?`))) {
      throw new RequestRefused('not confirmed; nothing was written');
    }
    const message = `${request.subject}\n\n${request.details.join('\n')}\n\nRequested with tak request.\n`;
    const commit = await repo.commit(branch, request.changes, message);
    options.say(`branch ${branch} at ${commit.slice(0, 12)} (your working tree and current branch are unchanged)`);
    await nextStep(repo, branch, request.subject, message, options);
    return { done: true, branch, commit };
  } finally {
    await reader.dispose();
  }
}

/** Push and open the pull request with gh (--open-pr), or say how to. */
async function nextStep(repo: RequestRepository, branch: string, title: string, body: string, options: RunOptions): Promise<void> {
  const manual = `next: git push -u origin ${branch}, then open a pull request (gh pr create --head ${branch}, or run the request with --open-pr); git switch ${branch} shows the change`;
  if (!options.openPr) {
    options.say(manual);
    return;
  }
  // The environment is passed on explicitly: the one gh is looked up and runs with is the command's.
  const gh = await promisify(execFile)('gh', ['--version'], { env: process.env }).then(() => true, () => false);
  if (!gh) {
    options.say(`gh is not installed, so no pull request was opened; ${manual.replace(/^next: /, '')}`);
    return;
  }
  await repo.push(branch);
  const { stdout } = await promisify(execFile)('gh', ['pr', 'create', '--head', branch, '--title', title, '--body', body], { cwd: repo.top, env: process.env });
  options.say(`opened ${stdout.trim()}`);
}
