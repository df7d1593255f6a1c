/**
 * `tak explain`: one call (consumer, contract, logical address, day) resolved in one environment
 * exactly as the platform's VP resolves it (src/check/lookup.ts, the module the consistency rules
 * use): the routing entry the call reaches and where it is declared, the authorization that allows
 * it, or the VP's error code with the `tak request` command that would fix it.
 */
import { AddressTree, CallLookup, type LookupStep } from '../check/lookup';
import type { Location } from '../model/diagnostics';
import type { Authorization, EnvironmentState, RoutingEntry } from '../model/state';
import { contractLabel, requireContract, requireSystem } from '../resolve/references';

export interface CallQuery {
  consumer: string;
  contract: string;
  logicalAddress: string;
  /** The day the call is made (YYYY-MM-DD, Stockholm). */
  day: string;
}

/** `ok` (routed and authorized), or the VP's code: VP004 no routing, VP006 more than one, VP007 not authorized. */
export type Outcome = 'ok' | 'VP004' | 'VP006' | 'VP007';

export interface Explanation {
  env: string;
  consumer: string;
  contract: { label: string; namespace: string };
  logicalAddress: string;
  day: string;
  outcome: Outcome;
  /** What the VP says, in the domain's words. */
  message: string;
  routing?: { matchedAt: string; entries: { producer: string; logicalAddress: string; url: string; profile: string; validFrom?: string; validTo?: string; location: Location }[] };
  authorization?: { matchedAt: string; entries: { consumer: string; logicalAddress: string; validFrom?: string; validTo?: string; location: Location }[] };
  /** The request that would make the call work, when it does not. */
  fix?: string;
}

const MESSAGES: Record<Outcome, string> = {
  ok: 'the call is routed and the consumer is authorized',
  VP004: 'no routing entry for the contract on the address, its HSA parents, SE or * on this day',
  VP006: 'more than one routing entry answers the call (a misconfiguration)',
  VP007: 'the consumer is not authorized for the contract on the address, its HSA parents, SE or * on this day',
};

/** Resolves the call; unknown consumers and contracts are refused with the nearest declared ones. */
export function explainCall(state: EnvironmentState, query: CallQuery): Explanation {
  const consumer = requireSystem(state.catalog, query.consumer, '--consumer');
  const contract = requireContract(state.catalog, query.contract, '--contract');
  const lookup = new CallLookup(new AddressTree(state.catalog), state.routing, state.authorizations);
  const route = lookup.route(contract.namespace, query.logicalAddress, query.day);
  const allowed = lookup.authorize(consumer.hsaId, contract.namespace, query.logicalAddress, query.day);
  const outcome: Outcome = !route ? 'VP004' : route.entries.length > 1 ? 'VP006' : !allowed ? 'VP007' : 'ok';
  const label = contractLabel(contract);
  return {
    env: state.name,
    consumer: consumer.hsaId,
    contract: { label, namespace: contract.namespace },
    logicalAddress: query.logicalAddress,
    day: query.day,
    outcome,
    message: MESSAGES[outcome],
    routing: route && routingOf(route),
    authorization: allowed && authorizationOf(allowed),
    fix: fixFor(outcome, state.name, consumer.hsaId, label, query.logicalAddress, route),
  };
}

function routingOf(step: LookupStep<RoutingEntry>): Explanation['routing'] {
  return {
    matchedAt: step.address,
    entries: step.entries.map((r) => ({ producer: r.producer, logicalAddress: r.logicalAddress, url: r.url, profile: r.profile, validFrom: r.validFrom, validTo: r.validTo, location: r.location })),
  };
}

function authorizationOf(step: LookupStep<Authorization>): Explanation['authorization'] {
  return {
    matchedAt: step.address,
    entries: step.entries.map((a) => ({ consumer: a.consumer, logicalAddress: a.logicalAddress, validFrom: a.validFrom, validTo: a.validTo, location: a.location })),
  };
}

function fixFor(outcome: Outcome, env: string, consumer: string, contract: string, address: string, route?: LookupStep<RoutingEntry>): string | undefined {
  if (outcome === 'VP004') return `tak request routing --env ${env} --producer <producer HSA-id> --contract ${contract}=<producer URL> --logical-address ${address}`;
  if (outcome === 'VP006') {
    const [, second] = route!.entries;
    return `tak request remove --env ${env} --producer ${second.producer} --contract ${contract} --logical-address ${second.logicalAddress}`;
  }
  if (outcome === 'VP007') return `tak request authorization --env ${env} --consumer ${consumer} --contract ${contract} --logical-address ${address}`;
  return undefined;
}

/** The explanation as text for a person: the outcome first, then the entries with file:line. */
export function renderExplanation(e: Explanation): string {
  const lines = [
    `${e.env}: ${e.consumer} calls ${e.contract.label} (${e.contract.namespace}) for ${e.logicalAddress} on ${e.day}`,
    `${e.outcome === 'ok' ? 'OK' : e.outcome}: ${e.message}`,
  ];
  for (const r of e.routing?.entries ?? []) {
    lines.push(`  routing: ${r.producer} ${r.url} (${r.profile}${validity(r)}) declared for ${r.logicalAddress} at ${r.location.file}:${r.location.line}`);
  }
  for (const a of e.authorization?.entries ?? []) {
    lines.push(`  authorization: ${a.consumer} for ${a.logicalAddress}${validity(a)} at ${a.location.file}:${a.location.line}`);
  }
  if (e.fix) lines.push(`  to fix: ${e.fix}`);
  return `${lines.join('\n')}\n`;
}

function validity(p: { validFrom?: string; validTo?: string }): string {
  return p.validFrom || p.validTo ? `, valid ${p.validFrom ?? '…'} to ${p.validTo ?? '…'}` : '';
}
