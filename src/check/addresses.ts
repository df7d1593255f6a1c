/**
 * The network addresses systems declare for one environment: consumers' source addresses and
 * producers' endpoint addresses, each with its own line (found when a finding asks).
 */
import type { Location } from '../model/diagnostics';
import type { EnvironmentState, System } from '../model/state';
import type { PathSegment } from '../load/locator';
import { Listed } from '../resolve/listed';

export interface DeclaredAddress {
  system: System;
  /** The CIDR as written. */
  text: string;
  /** For messages: `source address` or `address of endpoint host:port`. */
  role: string;
  location: Location;
}

/** An address as its system's file lists it; the line is found when a finding asks for it. */
class ListedNetwork extends Listed implements DeclaredAddress {
  declare readonly system: System;
  declare readonly text: string;
  declare readonly role: string;

  constructor(system: System, text: string, role: string, list: PathSegment[], at: number) {
    super(system.locator, list, at);
    this.system = system;
    this.text = text;
    this.role = role;
  }
}

export function declaredAddresses(state: EnvironmentState): DeclaredAddress[] {
  const out: DeclaredAddress[] = [];
  for (const system of state.catalog.systems) {
    const env = system.decl.environments[state.name];
    if (!env) continue;
    const sources: PathSegment[] = ['environments', state.name, 'sourceAddresses'];
    env.sourceAddresses.forEach((text, i) => out.push(new ListedNetwork(system, text, 'source address', sources, i)));
    env.endpoints.forEach((endpoint, e) => {
      const list: PathSegment[] = ['environments', state.name, 'endpoints', e, 'addresses'];
      endpoint.addresses.forEach((text, i) => out.push(new ListedNetwork(system, text, `address of endpoint ${endpoint.host}:${endpoint.port}`, list, i)));
    });
  }
  return out;
}

/** `Journal (SE2321000016-A1B2)`: a system as messages name it. */
export function systemName(system: System): string {
  return `${system.decl.name} (${system.hsaId})`;
}
