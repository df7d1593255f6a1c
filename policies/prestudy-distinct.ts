import type { Rule, RuleFinding } from '../src/check/types';
import type { Approval } from '../src/model/schemas';
import type { Connection, EnvironmentState } from '../src/model/state';
import { consumerKey } from '../src/resolve/expand';

/** (producer, contract) and (consumer, contract) pairs of a connection file, as natural keys (`r|…` and `a|…`). */
function pairsOf(state: EnvironmentState): Map<Connection, string[]> {
  const out = new Map<Connection, string[]>();
  const add = (c: Connection, key: string) => {
    const keys = out.get(c);
    if (keys) keys.push(key);
    else out.set(c, [key]);
  };
  // Joined from the lower-case keys the groups hold: the natural key, made without lowering the contract again.
  for (const g of state.routingGroups) {
    const producer = g.decl.producer.toLowerCase();
    for (const c of g.contracts) add(g.connection, ['r', producer, c.key].join('|'));
  }
  for (const g of state.authorizationGroups) for (const c of g.contracts) add(g.connection, ['a', consumerKey(g), c.key].join('|'));
  return out;
}

const same = (a: Approval, b: Approval) => a.ref.toLowerCase() === b.ref.toLowerCase() && a.approved === b.approved;

/**
 * The prod pre-study is the one "updated for Prod": a prod connection's pre-study reference or
 * approval differs from the one the promotion source (qa) uses for the same routing or
 * authorization, unless the pre-study says explicitly that it covers both (`covers: [qa, prod]`).
 */
const prestudyDistinct: Rule = (state, { repository }) => {
  const from = state.environment?.promotesFrom;
  const source = from ? repository.environments.get(from) : undefined;
  if (state.environment?.stage !== 'prod' || !from || !source) return [];
  const sourceStudies = new Map<string, Approval>();
  for (const [c, keys] of pairsOf(source)) if (c.decl.prestudy) for (const k of keys) sourceStudies.set(k, c.decl.prestudy);
  const out: RuleFinding[] = [];
  for (const [c, keys] of pairsOf(state)) {
    const study = c.decl.prestudy;
    if (!study || study.covers?.includes(from)) continue;
    if (!keys.some((k) => sourceStudies.has(k) && same(sourceStudies.get(k)!, study))) continue;
    out.push({
      message: `pre-study ${study.ref} (approved ${study.approved}) of ${c.file} is the same as in ${from}; name the pre-study updated for ${state.name}, or say that this one covers both with covers: [${from}, ${state.name}]`,
      location: c.locator.locate(['prestudy']),
      entity: c.file,
    });
  }
  return out;
};

export default prestudyDistinct;
