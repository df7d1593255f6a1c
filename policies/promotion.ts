import type { Rule, RuleFinding } from '../src/check/types';
import { policyOf } from '../src/check/settings';
import type { EnvironmentState, GroupContract } from '../src/model/state';
import { consumerKey } from '../src/resolve/expand';
import { PairMap } from '../src/check/pair-map';

const contractOf = (c: { namespace?: string; ref: string }) => c.namespace ?? c.ref;

/** (producer, contract) of every routing group and (consumer, contract) of every authorization group, by their lower-case keys. */
function promotedPairs(state: EnvironmentState): { routing: PairMap<true>; authorizations: PairMap<true> } {
  const routing = new PairMap<true>();
  const authorizations = new PairMap<true>();
  for (const g of state.routingGroups) {
    const producer = g.decl.producer.toLowerCase();
    for (const c of g.contracts) routing.set(producer, c.key, true);
  }
  for (const g of state.authorizationGroups) for (const c of g.contracts) authorizations.set(consumerKey(g), c.key, true);
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
  const check = (pairs: PairMap<true>, system: string, systemKey: string, c: GroupContract, what: string) => {
    if (pairs.has(systemKey, c.key)) return;
    const key = `${systemKey}|${c.key}`;
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
