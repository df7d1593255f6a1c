/** Exit codes a pipeline can trust. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A problem with how the command was called or with the repository as a whole: exit 2, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
