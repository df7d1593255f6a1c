/**
 * What a long command is doing, on stderr, when stderr is a terminal (never in CI logs or pipes,
 * never on stdout where reports go). Nothing is shown for a command that ends within a second, so
 * small repositories stay quiet; on a large one (100k entries and more) each step is shown as it
 * starts, on one line that is rewritten, and cleared at the end.
 */
export interface Progress {
  /** A new step: "reading the base", "building prod". */
  step(what: string): void;
  /** Clears the line; the command's own output follows. */
  end(): void;
}

interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

const QUIET_MS = 1000;

export function progress(command: string, stream: Terminal = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { step: () => undefined, end: () => undefined };
  const started = now();
  let shown = false;
  let current = '';
  const render = () => {
    if (now() - started < QUIET_MS) return;
    const seconds = Math.round((now() - started) / 1000);
    stream.write(`\r\x1b[K${command}: ${current} (${seconds} s)`);
    shown = true;
  };
  return {
    step(what) {
      current = what;
      render();
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
