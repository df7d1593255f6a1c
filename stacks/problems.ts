import type { Location } from '../src/model/diagnostics';

/** Why an environment cannot be synthesized, pointing at the declaration to change. */
export interface Problem {
  message: string;
  location: Location;
  entity?: string;
}

/** `file:line: message`, as every command reports a located problem. */
export function formatProblem(p: Problem): string {
  return `${p.location.file}:${p.location.line}: ${p.message}`;
}
