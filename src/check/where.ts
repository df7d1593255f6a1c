import type { Location } from '../model/diagnostics';

/** `config/systems/x.yaml:4`, for messages that name a second place. */
export function where(location: Location): string {
  return `${location.file}:${location.line}`;
}
