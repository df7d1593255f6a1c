/**
 * The boundary between tak and the tools that change the world (terraform, kubectl): a command is
 * run in a folder, its output streamed to the user as it comes, and its exit code handed back.
 * Tests put a recorded runner here, and nowhere else.
 */
import { spawn } from 'node:child_process';
import { onExit } from '../cleanup';

export interface RunRequest {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  /** The exit code; a process ended by a signal counts as 128 + the signal number, as in a shell. */
  code: number;
  /** What the command printed on both streams, in order (also streamed to `output` as it came). */
  output: string;
}

export interface CommandRunner {
  run(request: RunRequest, output: (chunk: string) => void): Promise<RunResult>;
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs real processes. A command that is not installed is exit code 127, as in a shell. */
export const processRunner: CommandRunner = {
  run(request, output) {
    return new Promise((resolve) => {
      let text = '';
      const child = spawn(request.command, request.args, { cwd: request.cwd, env: request.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      // An interrupted tak stops the tool first, so that it can release its own state lock.
      const unregister = onExit(() => child.kill('SIGTERM'));
      const take = (chunk: Buffer) => {
        const s = chunk.toString('utf8');
        text += s;
        output(s);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (error: NodeJS.ErrnoException) => {
        unregister();
        resolve({ code: error.code === 'ENOENT' ? 127 : 126, output: `${text}${error.message}\n` });
      });
      child.on('close', (code, signal) => {
        unregister();
        resolve({ code: code ?? 128 + (signal ? SIGNALS[signal] ?? 1 : 1), output: text });
      });
    });
  },
};

let active: CommandRunner = processRunner;

/** The runner the commands use: real processes, unless a test put a recorded one in place. */
export const commandRunner = (): CommandRunner => active;

/** Puts `runner` in place for the commands (tests of the CLI); the result puts the real one back. */
export function useRunner(runner: CommandRunner): () => void {
  active = runner;
  return () => {
    active = processRunner;
  };
}
