import type { Rule, RuleFinding } from '../src/check/types';
import { KNOWN_PROFILES, WILDCARD_ADDRESS } from '../src/model/syntax';
import type { AuthorizationGroup, Catalog, ContractReference, EnvironmentState, RoutingGroup } from '../src/model/state';
import { oncePerCatalog } from '../src/check/once-per-catalog';
import { addressIds } from '../src/resolve/address-ids';
import { didYouMean } from '../src/check/suggest';

/**
 * Suggestions cost a pass over the declared names each: a mass list full of unknown addresses gets
 * them for its first ones only, so the rule stays linear.
 */
const SUGGESTIONS = 100;

const PROFILES = new Set<string>(KNOWN_PROFILES.map((p) => p.toLowerCase()));

/**
 * Everything a declaration names must be declared: systems, service contracts, logical
 * addresses (the catalog needs their descriptions), RIV-TA profiles and environments.
 */
const referenceExists: Rule = (state, { repository }) => {
  const out: RuleFinding[] = [];
  const { catalog } = state;
  const systems = () => catalog.systems.map((s) => s.hsaId);
  // The group, not its location: a line is found only for a finding.
  const system = (hsaId: string, role: string, at: { location: RuleFinding['location'] }) => {
    if (!catalog.systemIndex.has(hsaId.toLowerCase())) {
      out.push({ message: `${role} ${hsaId} is not a system declared under config/systems/${didYouMean(hsaId, systems())}`, location: at.location, entity: hsaId });
    }
  };
  const contracts = () => catalog.contracts.flatMap((c) => [`${c.name}:${c.major}`, c.namespace]);
  const contract = (c: ContractReference) => {
    if (!c.problem) return;
    const hint = c.namespace === undefined && !c.problem.includes('ambiguous') ? didYouMean(c.ref, contracts()) : '';
    out.push({ message: `service contract ${c.ref} ${c.problem}${hint}`, location: c.location, entity: c.ref });
  };
  // Walked in place: copying every group's contracts into one list would cost a list the size of the catalog.
  state.installedContracts.forEach(contract);
  for (const g of state.routingGroups) g.contracts.forEach(contract);
  for (const g of state.authorizationGroups) g.contracts.forEach(contract);
  for (const g of state.routingGroups) {
    system(g.decl.producer, 'producer', g);
    if (!PROFILES.has(g.decl.profile.toLowerCase())) {
      out.push({ message: `RIV-TA profile ${g.decl.profile} is not known to the platform (${KNOWN_PROFILES.join(', ')})`, location: g.location, entity: g.decl.profile });
    }
  }
  for (const g of state.authorizationGroups) system(g.decl.consumer, 'consumer', g);
  out.push(...unknownAddresses(state), ...unknownParents(catalog));
  const from = state.environment?.promotesFrom;
  if (from && !repository.environments.has(from)) {
    out.push({ message: `environment ${state.name} promotes from ${from}, which does not exist`, location: state.location, entity: state.name });
  }
  return out;
};

/**
 * One finding per unknown address as listed, not per expanded entry. Membership is by address
 * number (src/resolve/address-ids.ts): one array access per listed address.
 */
function unknownAddresses(state: EnvironmentState): RuleFinding[] {
  const out: RuleFinding[] = [];
  const { catalog } = state;
  const known = knownAddresses(catalog);
  let declared: string[] | undefined;
  const check = (group: RoutingGroup | AuthorizationGroup) => {
    const ids = group.addressIds;
    for (let a = 0; a < ids.length; a++) {
      if (known[ids[a]] === 1) continue;
      const { logicalAddress: la, location } = group.addresses[a];
      const hint = out.length < SUGGESTIONS ? didYouMean(la, (declared ??= catalog.logicalAddresses.map((x) => x.hsaId))) : '';
      out.push({ message: `logical address ${la} is not in the catalog (config/logical-addresses/); add it with a description${hint}`, location, entity: la });
    }
  };
  state.routingGroups.forEach(check);
  state.authorizationGroups.forEach(check);
  return out;
}

/** Parents the catalog names but does not hold: the same for every environment, so found once. */
const unknownParents = oncePerCatalog((catalog) =>
  catalog.logicalAddresses
    .filter((la) => la.parent && !catalog.logicalAddressIndex.has(la.parent.toLowerCase()))
    .map((la) => ({ message: `logical address ${la.hsaId} names parent ${la.parent}, which is not in the catalog`, location: la.location, entity: la.hsaId })),
);

const knownByCatalog = new WeakMap<Catalog, Uint8Array>();

/**
 * 1 for the number of every address the catalog holds, and for `*`; built once per catalog. A number
 * past its end was first met after the catalog was built, so it is no catalog address either.
 */
function knownAddresses(catalog: Catalog): Uint8Array {
  let marks = knownByCatalog.get(catalog);
  if (!marks) {
    marks = new Uint8Array(addressIds.size);
    for (const la of catalog.logicalAddresses) marks[addressIds.ofKey(la.key)] = 1;
    marks[addressIds.ofKey(WILDCARD_ADDRESS)] = 1;
    knownByCatalog.set(catalog, marks);
  }
  return marks;
}

export default referenceExists;
