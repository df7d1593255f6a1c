import type { Rule, RuleFinding } from '../src/check/types';
import { systemName } from '../src/check/addresses';
import { policyOf } from '../src/check/settings';

const DEFAULT_PORTS: Record<string, number> = { 'https:': 443, 'http:': 80 };

/** `host:port` of a producer URL, or undefined when it is no URL (url-syntax reports that). */
function hostPort(url: string): { host: string; port: number } | undefined {
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase(), port: u.port ? Number(u.port) : (DEFAULT_PORTS[u.protocol] ?? 0) };
  } catch {
    return undefined;
  }
}

/**
 * Every producer endpoint host a routing URL uses is declared, with its addresses and port, under
 * the producer's `environments.<env>.endpoints`: the platform's egress firewall opens exactly those.
 */
const producerEndpointDeclared: Rule = (state) => {
  const out: RuleFinding[] = [];
  // Where https is required, an http URL is to be changed (https-only says so), not its port 80 opened.
  const skipHttp = policyOf(state).requireHttps;
  for (const group of state.routingGroups) {
    const system = state.catalog.systemIndex.get(group.decl.producer.toLowerCase());
    if (!system) continue;
    const endpoints = system.decl.environments[state.name]?.endpoints ?? [];
    const reported = new Set<string>();
    for (const contract of group.contracts) {
      const target = hostPort(contract.url);
      if (!target || (skipHttp && /^http:/i.test(contract.url))) continue;
      const name = `${target.host}:${target.port}`;
      if (reported.has(name) || endpoints.some((e) => e.host.toLowerCase() === target.host && e.port === target.port)) continue;
      reported.add(name);
      out.push({
        message: `endpoint ${name} of producer ${systemName(system)} is not declared for ${state.name}; add { host: ${target.host}, port: ${target.port}, addresses: [...] } to environments.${state.name}.endpoints in ${system.file}`,
        location: contract.location,
        entity: system.hsaId,
      });
    }
  }
  return out;
};

export default producerEndpointDeclared;
