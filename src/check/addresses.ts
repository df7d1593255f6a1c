/**
 * The network addresses systems declare for one environment: consumers' source addresses and
 * producers' endpoint addresses, each with its own line.
 */
import type { Location } from '../model/diagnostics';
import type { EnvironmentState, System } from '../model/state';

export interface DeclaredAddress {
  system: System;
  /** The CIDR as written. */
  text: string;
  /** For messages: `source address` or `address of endpoint host:port`. */
  role: string;
  location: Location;
}

export function declaredAddresses(state: EnvironmentState): DeclaredAddress[] {
  const out: DeclaredAddress[] = [];
  for (const system of state.catalog.systems) {
    const env = system.decl.environments[state.name];
    if (!env) continue;
    const at = ['environments', state.name];
    env.sourceAddresses.forEach((text, i) => {
      out.push({ system, text, role: 'source address', location: system.locator.locate([...at, 'sourceAddresses', i]) });
    });
    env.endpoints.forEach((endpoint, e) =>
      endpoint.addresses.forEach((text, i) => {
        const location = system.locator.locate([...at, 'endpoints', e, 'addresses', i]);
        out.push({ system, text, role: `address of endpoint ${endpoint.host}:${endpoint.port}`, location });
      }),
    );
  }
  return out;
}

/** `Journal (SE2321000016-A1B2)`: a system as messages name it. */
export function systemName(system: System): string {
  return `${system.decl.name} (${system.hsaId})`;
}
