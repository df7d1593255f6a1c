import type { Rule, RuleFinding } from '../src/check/types';
import { policyOf } from '../src/check/settings';
import type { EnvironmentState, GroupContract } from '../src/model/state';
import { consumerKey } from '../src/resolve/expand';

const contractOf = (c: { namespace?: string; ref: string }) => c.namespace ?? c.ref;

/**
 * (producer, contract) of every routing group and (consumer, contract) of every authorization group,
 * as natural keys joined from the lower-case keys the groups hold (the same string, see expand.ts).
 */
function promotedPairs(state: EnvironmentState): { routing: Set<string>; authorizations: Set<string> } {
  const routing = new Set<string>();
  const authorizations = new Set<string>();
  for (const g of state.routingGroups) {
    const producer = g.decl.producer.toLowerCase();
    for (const c of g.contracts) routing.add([producer, c.key].join('|'));
  }
  for (const g of state.authorizationGroups) for (const c of g.contracts) authorizations.add([consumerKey(g), c.key].join('|'));
  return { routing, authorizations };
}

/**
 * Prod follows qa: what an environment routes or authorizes, per (producer, contract) and
 * (consumer, contract), was first ordered and tested in the environment it promotes from
 * (`promotesFrom`; switch off with `policy: { requirePromotion: false }`).
 */
const promotion: Rule = (state, { repository }) => {
  const from = state.environment?.promotesFrom;
  const source = from ? repository.environments.get(from) : undefined;
  if (!from || !source || !policyOf(state).requirePromotion) return [];
  const promoted = promotedPairs(source);
  const out: RuleFinding[] = [];
  // The contract, not its location: a line is found only for a finding.
  const check = (set: Set<string>, system: string, systemKey: string, c: GroupContract, what: string) => {
    const key = [systemKey, c.key].join('|');
    if (set.has(key)) return;
    out.push({ message: `${what} ${system} for ${contractOf(c)} is not in ${from}, which ${state.name} promotes from; order and test it in ${from} first`, location: c.location, entity: key });
  };
  for (const g of state.routingGroups) {
    const producer = g.decl.producer.toLowerCase();
    for (const c of g.contracts) check(promoted.routing, g.decl.producer, producer, c, 'routing to producer');
  }
  for (const g of state.authorizationGroups) for (const c of g.contracts) check(promoted.authorizations, g.decl.consumer, consumerKey(g), c, 'authorization of consumer');
  return out;
};

export default promotion;
