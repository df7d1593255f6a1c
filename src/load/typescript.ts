/**
 * TypeScript declarations are code: loading one runs it. So they run in a child process of their
 * own (one for all the TypeScript files of a revision), with a clean environment (none of the
 * user's or CI's secrets), a time limit after which the whole process group is killed (also when
 * it loops or ignores SIGTERM), and its exit code ignored: only the values it sends back count,
 * so a declaration that calls `process.exit(0)` ends nothing but its own loading, as a finding.
 * With `run: false` (`--no-typescript`) none of them runs and each is a finding.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { onExit } from '../cleanup';
import type { LoadMessage, LoadRequest } from './typescript-child';

export interface TypeScriptPolicy {
  /** Whether TypeScript declarations may run at all (false: `--no-typescript`). */
  run: boolean;
  /** How long the child process may take for all files before it is killed. */
  timeoutMs: number;
}

export const DEFAULT_TYPESCRIPT: TypeScriptPolicy = { run: true, timeoutMs: 30_000 };

export const NOT_RUN =
  'is TypeScript, which is code, and was not run (--no-typescript: a pull request from a fork is read without running its code); review it and run tak validate without --no-typescript, or write the declaration in YAML';

/** What loading gave per absolute path: the default export, or why there is none. */
export type Loaded = { value: unknown } | { reason: string };

/** Only what tools need to run, nothing that could be a secret (tokens, keys, cloud credentials). */
const KEPT_ENVIRONMENT = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of KEPT_ENVIRONMENT) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/** The child's entry: next to this module, in whichever form this module runs (TypeScript or compiled). */
const CHILD = path.join(__dirname, `typescript-child${path.extname(__filename)}`);

/**
 * Loads `files` (absolute paths below `root`) in child processes. A file that kills or stalls the
 * process gets the blame, and the files after it are loaded in a fresh one.
 */
export async function importDeclarations(files: string[], root: string, policy: TypeScriptPolicy): Promise<Map<string, Loaded>> {
  const results = new Map<string, Loaded>();
  let pending = files;
  while (pending.length > 0) {
    const run = await runChild(pending, root, policy.timeoutMs);
    for (const [file, loaded] of run.results) results.set(file, loaded);
    if (run.culprit) results.set(run.culprit, { reason: run.problem });
    pending = pending.filter((f) => !results.has(f));
    if (!run.culprit && pending.length > 0) {
      for (const f of pending) results.set(f, { reason: run.problem });
      pending = [];
    }
  }
  return results;
}

interface ChildRun {
  results: Map<string, Loaded>;
  /** The file that was loading when the process ended early or ran out of time. */
  culprit?: string;
  problem: string;
}

function runChild(files: string[], root: string, timeoutMs: number): Promise<ChildRun> {
  const tsx = require.resolve('tsx/cjs');
  const child = spawn(process.execPath, ['--require', tsx, CHILD], {
    cwd: process.cwd(),
    env: cleanEnvironment(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    detached: true,
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  const unregister = onExit(killGroup);
  const results = new Map<string, Loaded>();
  let loading: string | undefined;
  let stderr = '';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (problem: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup();
      unregister();
      resolve({ results, culprit: loading, problem });
    };
    const timer = setTimeout(
      () => finish(`did not finish loading within ${timeoutMs / 1000} s (a loop, or a wait for something); the TypeScript loader was stopped`),
      timeoutMs,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'loading') loading = message.file;
      else if (message.type === 'loaded') results.set(message.file, { value: message.value });
      else if (message.type === 'failed') results.set(message.file, { reason: message.reason });
      if (message.type !== 'loading') loading = undefined;
      if (message.type === 'done') finish('');
    });
    child.on('error', (error) => finish(`could not be loaded: the TypeScript loader did not start (${error.message})`));
    let how = 'ended';
    child.on('exit', (code, signal) => {
      how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      // Whatever the declarations started goes too, so that the pipes close.
      killGroup();
    });
    // After the exit, once the last messages have arrived.
    child.on('close', () => {
      const said = stderr.trim().split('\n').pop();
      finish(`ended the TypeScript loader while it was loaded (the process ${how}${said ? `: ${said}` : ''}); a declaration must not exit or crash the process`);
    });
    const request: LoadRequest = { files, root, timeoutMs };
    child.send(request);
  });
}
