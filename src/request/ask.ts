/**
 * How a request gets what its flags did not say: in a terminal, by asking (with @inquirer/prompts;
 * choices are searched as one types, from the declared systems, contracts and logical addresses);
 * without one (a script, CI), never: a missing value is an error that names its flag.
 */
import { checkbox, confirm, input, search } from '@inquirer/prompts';

export interface Choice {
  value: string;
  /** What the list shows: the identifier and its name. */
  name: string;
}

/** A value a script did not pass and no one can be asked for. */
export class MissingInput extends Error {}

export interface Asker {
  readonly interactive: boolean;
  text(flag: string, message: string, options?: { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  /** A value the request can do without: undefined when not asked or left empty. */
  optional(message: string): Promise<string | undefined>;
  pick(flag: string, message: string, choices: Choice[]): Promise<string>;
  pickMany(flag: string, message: string, choices: Choice[]): Promise<string[]>;
  confirm(message: string): Promise<boolean>;
}

/** Without a terminal: every question is an error naming the flag to pass. */
export const noTerminal: Asker = {
  interactive: false,
  text: async (flag) => missing(flag),
  optional: async () => undefined,
  pick: async (flag) => missing(flag),
  pickMany: async (flag) => missing(flag),
  confirm: async () => true,
};

function missing(flag: string): never {
  throw new MissingInput(`${flag} is missing; pass it (tak asks only when run in a terminal)`);
}

/** Matches a search term against a choice's identifier and name, case-insensitively. */
function matching(choices: Choice[], term: string | undefined): Choice[] {
  const t = (term ?? '').toLowerCase();
  return choices.filter((c) => c.name.toLowerCase().includes(t)).slice(0, 200);
}

export const terminal: Asker = {
  interactive: true,
  text: (_flag, message, options = {}) => input({ message, default: options.default, required: true, validate: options.validate }),
  optional: async (message) => (await input({ message })).trim() || undefined,
  pick: (_flag, message, choices) => search({ message, source: async (term) => matching(choices, term).map((c) => ({ value: c.value, name: c.name })), pageSize: 12 }),
  pickMany: (_flag, message, choices) =>
    checkbox({ message, choices: choices.map((c) => ({ value: c.value, name: c.name })), pageSize: 12, required: true }),
  confirm: (message) => confirm({ message, default: true }),
};
