import type { Rule, RuleFinding } from '../src/check/types';
import type { Approval } from '../src/model/schemas';
import type { Connection, EnvironmentState } from '../src/model/state';
import { consumerKey } from '../src/resolve/expand';
import { PairMap } from '../src/check/pair-map';

/** A connection file's (producer, contract) and (consumer, contract) pairs, system and contract apart (systems as `r|…` and `a|…`). */
interface Pairs {
  systems: string[];
  contracts: string[];
}

/** The pairs of each connection file, in the order its groups first appear, all in lower case. */
function pairsOf(state: EnvironmentState): Map<Connection, Pairs> {
  const out = new Map<Connection, Pairs>();
  const add = (c: Connection, system: string, contract: string) => {
    let pairs = out.get(c);
    if (!pairs) out.set(c, (pairs = { systems: [], contracts: [] }));
    pairs.systems.push(system);
    pairs.contracts.push(contract);
  };
  for (const g of state.routingGroups) {
    const producer = `r|${g.decl.producer.toLowerCase()}`;
    for (const c of g.contracts) add(g.connection, producer, c.key);
  }
  for (const g of state.authorizationGroups) {
    const consumer = `a|${consumerKey(g)}`;
    for (const c of g.contracts) add(g.connection, consumer, c.key);
  }
  return out;
}

const same = (a: Approval | undefined, b: Approval) => a !== undefined && a.ref.toLowerCase() === b.ref.toLowerCase() && a.approved === b.approved;

/**
 * The prod pre-study is the one "updated for Prod": a prod connection's pre-study reference or
 * approval differs from the one the promotion source (qa) uses for the same routing or
 * authorization, unless the pre-study says explicitly that it covers both (`covers: [qa, prod]`).
 */
const prestudyDistinct: Rule = (state, { repository }) => {
  const from = state.environment?.promotesFrom;
  const source = from ? repository.environments.get(from) : undefined;
  if (state.environment?.stage !== 'prod' || !from || !source) return [];
  const sourceStudies = new PairMap<Approval>();
  for (const [c, { systems, contracts }] of pairsOf(source)) {
    if (c.decl.prestudy) for (let i = 0; i < systems.length; i++) sourceStudies.set(systems[i], contracts[i], c.decl.prestudy);
  }
  const out: RuleFinding[] = [];
  for (const [c, { systems, contracts }] of pairsOf(state)) {
    const study = c.decl.prestudy;
    if (!study || study.covers?.includes(from)) continue;
    if (!systems.some((system, i) => same(sourceStudies.get(system, contracts[i]), study))) continue;
    out.push({
      message: `pre-study ${study.ref} (approved ${study.approved}) of ${c.file} is the same as in ${from}; name the pre-study updated for ${state.name}, or say that this one covers both with covers: [${from}, ${state.name}]`,
      location: c.locator.locate(['prestudy']),
      entity: c.file,
    });
  }
  return out;
};

export default prestudyDistinct;
