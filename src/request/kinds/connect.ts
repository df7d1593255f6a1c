/**
 * `tak request authorization` and `tak request routing`: a new authorization group (consumer,
 * contracts, logical addresses) or routing group (producer, profile, URL per contract, logical
 * addresses, optionally with authorizations for consumers in the same order), added to the connection
 * file that already routes the contracts, or to a new one. New logical addresses go into the catalog.
 */
import { AddressTree, CallLookup } from '../../check/lookup';
import type { EnvironmentState, ServiceContract } from '../../model/state';
import { KNOWN_PROFILES } from '../../model/syntax';
import { requireContract, requireSystem } from '../../resolve/references';
import { RequestInputError } from '../address-list';
import { RequestRefused } from '../git';
import { YamlEdit, render, renderItems } from '../yaml-edit';
import {
  addressSummary, approval, branchName, contractChoices, contractRef, domainShort, editable, environmentFor, newCatalogEntries,
  requestedAddresses, slug, systemChoices, systemLabel, type RequestDraft, type RequestInput, type RequestedAddress,
} from '../common';

interface Common {
  env?: string;
  contract?: string[];
  logicalAddress?: string[];
  logicalAddressesFrom?: string;
  validFrom?: string;
  validTo?: string;
  file?: string;
  prestudy?: string;
  selfDeclaration?: string;
  description?: string;
}

export interface AuthorizationOptions extends Common {
  consumer?: string;
}

export interface RoutingOptions extends Common {
  producer?: string;
  profile?: string;
  consumer?: string[];
  catalogFile?: string;
}

export async function draftAuthorization(input: RequestInput, o: AuthorizationOptions): Promise<RequestDraft> {
  const state = await environmentFor(input, o.env);
  const consumer = requireSystem(state.catalog, o.consumer ?? (await input.ask.pick('--consumer', 'Consumer (the system that calls)', systemChoices(state.catalog))), '--consumer');
  const contracts = await contractsOf(input, state, o.contract);
  const addresses = await requestedAddresses(input, state.catalog, o.logicalAddress, o.logicalAddressesFrom);
  refuseAuthorized(state, consumer.hsaId, contracts, addresses, input.today);
  const group = { consumer: consumer.hsaId, contracts: contracts.map((c) => contractRef(state.catalog, c)), logicalAddresses: addresses.map((a) => a.hsaId), ...validity(o) };
  const file = o.file ?? routedIn(state, contracts) ?? `environments/${state.name}/connections/${domainShort(contracts[0])}-${slug(consumer.decl.name)}.yaml`;
  const changes = new Map<string, string | null>();
  changes.set(file, await addGroup(input, state, file, 'authorizations', group, o, `${consumer.decl.name} calls ${contracts.map((c) => c.name).join(', ')}`));
  await addCatalogEntries(input, state, addresses, undefined, changes, consumer.decl.organisation);
  const what = `${contracts.map((c) => contractRef(state.catalog, c)).join(', ')} at ${addressSummary(addresses)}`;
  return {
    subject: `${state.name}: authorize ${systemLabel(consumer)} for ${what}`,
    details: [`Consumer: ${systemLabel(consumer)}`, `Contracts: ${contracts.map((c) => c.namespace).join(', ')}`, `Logical addresses: ${addressList(addresses)}`, `File: ${file}`],
    changes,
    branch: branchName(state.name, 'authorization', consumer.hsaId, contracts[0].name),
  };
}

export async function draftRouting(input: RequestInput, o: RoutingOptions): Promise<RequestDraft> {
  const state = await environmentFor(input, o.env);
  const producer = requireSystem(state.catalog, o.producer ?? (await input.ask.pick('--producer', 'Producer (the system that answers)', systemChoices(state.catalog))), '--producer');
  const profile = o.profile ?? (input.ask.interactive ? await input.ask.pick('--profile', 'RIV-TA profile', KNOWN_PROFILES.map((p) => ({ value: p, name: p }))) : 'RIVTABP21');
  const urls = await urlsOf(input, state, o.contract, producer.hsaId);
  const contracts = urls.map(([c]) => c);
  const addresses = await requestedAddresses(input, state.catalog, o.logicalAddress, o.logicalAddressesFrom);
  refuseRouted(state, contracts, addresses, input.today);
  const consumers = (o.consumer ?? []).map((c) => requireSystem(state.catalog, c, '--consumer'));
  const refs = contracts.map((c) => contractRef(state.catalog, c));
  const group = { producer: producer.hsaId, profile, contracts: Object.fromEntries(urls.map(([c, url]) => [contractRef(state.catalog, c), url])), logicalAddresses: addresses.map((a) => a.hsaId), ...validity(o) };
  const file = o.file ?? `environments/${state.name}/connections/${domainShort(contracts[0])}-${slug(producer.decl.name)}.yaml`;
  const changes = new Map<string, string | null>();
  const auth = consumers.map((c) => ({ consumer: c.hsaId, contracts: refs, logicalAddresses: addresses.map((a) => a.hsaId), ...validity(o) }));
  changes.set(file, await addGroups(input, state, file, [['routing', [group]], ['authorizations', auth]], o, `${producer.decl.name} answers ${contracts.map((c) => c.name).join(', ')}`));
  await addCatalogEntries(input, state, addresses, o.catalogFile, changes, producer.decl.organisation);
  return {
    subject: `${state.name}: route ${refs.join(', ')} at ${addressSummary(addresses)} to ${systemLabel(producer)}`,
    details: [
      `Producer: ${systemLabel(producer)}, profile ${profile}`,
      ...urls.map(([c, url]) => `${c.namespace}: ${url}`),
      `Logical addresses: ${addressList(addresses)}`,
      ...(consumers.length ? [`Authorized consumers: ${consumers.map(systemLabel).join(', ')}`] : []),
      `File: ${file}`,
    ],
    changes,
    branch: branchName(state.name, 'routing', producer.hsaId, contracts[0].name, addresses.length > 1 ? `${addresses.length}` : addresses[0].hsaId),
  };
}

async function contractsOf(input: RequestInput, state: EnvironmentState, refs: string[] | undefined): Promise<ServiceContract[]> {
  const chosen = refs?.length ? refs : await input.ask.pickMany('--contract', 'Service contracts', contractChoices(state));
  return chosen.map((ref) => requireContract(state.catalog, ref, '--contract'));
}

/** `--contract C=URL` for routing; in a terminal, the contracts are picked and each URL asked for. */
async function urlsOf(input: RequestInput, state: EnvironmentState, flags: string[] | undefined, producer: string): Promise<[ServiceContract, string][]> {
  if (flags?.length) {
    return flags.map((flag) => {
      const at = flag.indexOf('=');
      if (at <= 0) throw new RequestInputError(`--contract ${flag} gives no URL; write it CONTRACT=URL (GetForms:2=https://…/rivtabp21)`);
      return [requireContract(state.catalog, flag.slice(0, at), '--contract'), flag.slice(at + 1)];
    });
  }
  const contracts = await contractsOf(input, state, undefined);
  const host = state.catalog.systemIndex.get(producer.toLowerCase())?.decl.environments[state.name]?.endpoints[0]?.host;
  const out: [ServiceContract, string][] = [];
  for (const c of contracts) {
    const guess = host ? `https://${host}/${domainShort(c)}/${c.name}/${c.major}/rivtabp21` : undefined;
    out.push([c, await input.ask.text('--contract', `URL of ${c.name}:${c.major} at the producer`, { default: guess })]);
  }
  return out;
}

function refuseAuthorized(state: EnvironmentState, consumer: string, contracts: ServiceContract[], addresses: RequestedAddress[], day: string): void {
  const lookup = new CallLookup(new AddressTree(state.catalog), [], state.authorizations.filter((a) => a.consumer.toLowerCase() === consumer.toLowerCase()));
  for (const c of contracts) {
    for (const a of addresses) {
      const found = lookup.authorize(consumer, c.namespace, a.hsaId, day)?.entries.find((e) => e.logicalAddress.toLowerCase() === a.hsaId.toLowerCase());
      if (found) throw new RequestRefused(`${consumer} is already authorized for ${c.name}:${c.major} at ${a.hsaId} in ${state.name} (${found.location.file}:${found.location.line}); leave it out of the request`);
    }
  }
}

function refuseRouted(state: EnvironmentState, contracts: ServiceContract[], addresses: RequestedAddress[], day: string): void {
  const lookup = new CallLookup(new AddressTree(state.catalog), state.routing, []);
  for (const c of contracts) {
    for (const a of addresses) {
      const found = lookup.route(c.namespace, a.hsaId, day)?.entries.find((e) => e.logicalAddress.toLowerCase() === a.hsaId.toLowerCase());
      if (found) {
        throw new RequestRefused(`${c.name}:${c.major} at ${a.hsaId} is already routed to ${found.producer} in ${state.name} (${found.location.file}:${found.location.line}); use tak request change-url, or remove it first`);
      }
    }
  }
}

/** The editable connection file that routes the first contract, where a new authorization belongs. */
function routedIn(state: EnvironmentState, contracts: ServiceContract[]): string | undefined {
  const ns = contracts[0].namespace.toLowerCase();
  return state.routingGroups.find((g) => editable(g.connection) && g.contracts.some((c) => c.namespace?.toLowerCase() === ns))?.connection.file;
}

function validity(o: Common): { validFrom?: string; validTo?: string } {
  return { ...(o.validFrom ? { validFrom: o.validFrom } : {}), ...(o.validTo ? { validTo: o.validTo } : {}) };
}

function addGroup(input: RequestInput, state: EnvironmentState, file: string, key: string, group: object, o: Common, description: string): Promise<string> {
  return addGroups(input, state, file, [[key, [group]]], o, description);
}

/**
 * The file with the groups appended (its other lines kept as they are), or a new file; a new file in
 * qa or prod names its pre-study (--prestudy REF:DATE, asked for in a terminal).
 */
async function addGroups(input: RequestInput, state: EnvironmentState, file: string, groups: [string, object[]][], o: Common, description: string): Promise<string> {
  if (!file.startsWith(`environments/${state.name}/`) || !/\.ya?ml$/.test(file)) {
    throw new RequestInputError(`--file ${file} is not a YAML file under environments/${state.name}/; name a connection file of the environment`);
  }
  const existing = await input.text(file);
  let prestudyText = o.prestudy;
  if (!existing && !prestudyText && state.environment?.stage !== 'test') prestudyText = await input.ask.optional('Pre-study of the new connection (REF:YYYY-MM-DD, empty for none)');
  const prestudy = prestudyText ? approval('--prestudy', prestudyText) : undefined;
  // A new connection file in qa names the approved self-declaration (rule self-declaration-evidence).
  let selfDeclarationText = o.selfDeclaration;
  if (!existing && !selfDeclarationText && state.environment?.stage === 'qa') selfDeclarationText = await input.ask.optional('Approved self-declaration of the new connection (REF:YYYY-MM-DD, empty for none)');
  const selfDeclaration = selfDeclarationText ? approval('--self-declaration', selfDeclarationText) : undefined;
  if (!existing) {
    const decl: Record<string, unknown> = {
      description: o.description ?? description,
      ...(prestudy ? { prestudy } : {}),
      ...(selfDeclaration ? { testEvidence: { selfDeclaration } } : {}),
    };
    for (const [key, items] of groups) if (items.length) decl[key] = items;
    return render(decl, 0);
  }
  const edit = new YamlEdit(existing, file);
  for (const [key, items] of groups) if (items.length) edit.appendItems(key, items);
  if (prestudy) edit.setTopLevel('prestudy', prestudy);
  if (selfDeclaration) {
    const current = state.connections.find((c) => c.file === file)?.decl.testEvidence;
    edit.setTopLevel('testEvidence', { ...current, selfDeclaration });
  }
  return edit.result();
}

/** New logical addresses go into a catalog file named after the organisation that asks for them. */
async function addCatalogEntries(input: RequestInput, state: EnvironmentState, addresses: RequestedAddress[], catalogFile: string | undefined, changes: Map<string, string | null>, organisation: string): Promise<void> {
  const entries = await newCatalogEntries(input, state.catalog, addresses);
  if (!entries.length) return;
  const file = catalogFile ?? `config/logical-addresses/${slug(organisation)}.yaml`;
  if (!file.startsWith('config/logical-addresses/') || !/\.ya?ml$/.test(file)) throw new RequestInputError(`--catalog-file ${file} is not a YAML file under config/logical-addresses/`);
  const existing = await input.text(file);
  if (!existing) {
    changes.set(file, `# Logical addresses (logiska adresser) requested for ${organisation}.\nlogicalAddresses:\n${renderItems(entries, 2, 'flow')}`);
    return;
  }
  const edit = new YamlEdit(existing, file);
  edit.appendItems('logicalAddresses', entries, 'flow');
  changes.set(file, edit.result());
}

function addressList(addresses: RequestedAddress[]): string {
  const shown = addresses.slice(0, 10).map((a) => a.hsaId).join(', ');
  return addresses.length > 10 ? `${shown} and ${addresses.length - 10} more` : shown;
}
