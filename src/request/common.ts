/**
 * What the request kinds share: the draft they hand to the command (files, commit message, branch),
 * the choices they offer, and reading the values every kind takes (logical addresses, approvals).
 */
import type { Catalog, Connection, EnvironmentState, RepositoryState, ServiceContract, System } from '../model/state';
import type { Approval } from '../model/schemas';
import { isoDate } from '../model/schemas';
import { isLogicalAddress } from '../model/syntax';
import { contractLabel, nearest, UnknownReference } from '../resolve/references';
import { shortName } from '../resolve/contracts';
import { slug as fileSlug } from '../import/paths';
import { readAddressList, RequestInputError } from './address-list';
import type { Asker, Choice } from './ask';
import type { FileChanges } from './git';

/** What a request kind produces: nothing is written until the command has checked it. */
export interface RequestDraft {
  /** The commit's subject: what is requested, e.g. `qa: authorize SE… for GetForms:2 at SE…`. */
  subject: string;
  /** The commit's body lines: the details a reviewer wants. */
  details: string[];
  changes: FileChanges;
  /** The branch name used when --branch is not given. */
  branch: string;
}

/** What every kind reads from: the repository at HEAD, a file's text there, the clock and the asker. */
export interface RequestInput {
  state: RepositoryState;
  /** The text of a file at HEAD, or undefined when it does not exist. */
  text(file: string): Promise<string | undefined>;
  now: Date;
  today: string;
  ask: Asker;
}

export function requireEnvironment(state: RepositoryState, env: string): EnvironmentState {
  const found = state.environments.get(env);
  if (found) return found;
  throw new UnknownReference(`--env ${env} is not an environment under environments/; did you mean ${nearest(env, state.environments.keys()).join(', ')}?`);
}

/** The environment to request in: --env, or asked for among the declared ones. */
export async function environmentFor(input: RequestInput, env: string | undefined): Promise<EnvironmentState> {
  const name = env ?? (await input.ask.pick('--env', 'Environment', [...input.state.environments.keys()].map((e) => ({ value: e, name: e }))));
  return requireEnvironment(input.state, name);
}

export const systemChoices = (catalog: Catalog): Choice[] =>
  catalog.systems.map((s) => ({ value: s.hsaId, name: `${s.hsaId}  ${s.decl.name} (${s.decl.organisation})` }));

/** The contracts installed in the environment (all declared ones when it lists none). */
export function contractChoices(state: EnvironmentState): Choice[] {
  const installed = new Set(state.installedContracts.map((c) => c.namespace?.toLowerCase()));
  return state.catalog.contracts
    .filter((c) => installed.size === 0 || installed.has(c.namespace.toLowerCase()))
    .map((c) => ({ value: contractRef(state.catalog, c), name: `${contractLabel(c)}  ${c.description ?? c.namespace}` }));
}

export const addressChoices = (catalog: Catalog): Choice[] =>
  catalog.logicalAddresses.map((la) => ({ value: la.hsaId, name: `${la.hsaId}  ${la.description}` }));

/** How a declaration names a contract: its short form where that is unambiguous, else its namespace. */
export function contractRef(catalog: Catalog, contract: ServiceContract): string {
  const same = catalog.contractsByShortName.get(shortName(contract.name, contract.major)) ?? [];
  return same.length === 1 ? contractLabel(contract) : contract.namespace;
}

export interface RequestedAddress {
  hsaId: string;
  description?: string;
}

/**
 * The logical addresses of a request: `--logical-address LA[=description]` (repeatable) and
 * `--logical-addresses-from FILE`, or one asked for among the catalog's addresses.
 */
export async function requestedAddresses(input: RequestInput, catalog: Catalog, flags: string[] = [], file?: string): Promise<RequestedAddress[]> {
  const out: RequestedAddress[] = [];
  for (const flag of flags) {
    const [hsaId, ...rest] = flag.split('=');
    if (!isLogicalAddress(hsaId)) throw new RequestInputError(`--logical-address ${hsaId} is not an HSA-id (letters, digits, - and _ only, or *)`);
    out.push({ hsaId, description: rest.join('=').trim() || undefined });
  }
  if (file) out.push(...readAddressList(file));
  if (!out.length) out.push({ hsaId: await input.ask.pick('--logical-address', 'Logical address (HSA-id)', addressChoices(catalog)) });
  const seen = new Set<string>();
  for (const a of out) {
    if (seen.has(a.hsaId.toLowerCase())) throw new RequestInputError(`logical address ${a.hsaId} is requested twice; name it once`);
    seen.add(a.hsaId.toLowerCase());
  }
  return out;
}

/**
 * The addresses the catalog does not know yet, with their descriptions (the platform needs one for
 * each new address): from the list, asked for in a terminal, or an error naming the first ones.
 */
export async function newCatalogEntries(input: RequestInput, catalog: Catalog, addresses: RequestedAddress[]): Promise<{ hsaId: string; description: string }[]> {
  const fresh = addresses.filter((a) => !catalog.logicalAddressIndex.has(a.hsaId.toLowerCase()) && isLogicalAddress(a.hsaId) && a.hsaId !== '*');
  const undescribed = fresh.filter((a) => !a.description);
  if (undescribed.length && !input.ask.interactive) {
    const names = undescribed.slice(0, 5).map((a) => a.hsaId).join(', ');
    throw new RequestInputError(
      `${undescribed.length} logical address${undescribed.length > 1 ? 'es are' : ' is'} not in the catalog and ha${undescribed.length > 1 ? 've' : 's'} no description (${names}${undescribed.length > 5 ? ', …' : ''}); give one as --logical-address HSA-ID=Description or as the second CSV column`,
    );
  }
  const out: { hsaId: string; description: string }[] = [];
  for (const a of fresh) out.push({ hsaId: a.hsaId, description: a.description ?? (await input.ask.text('--logical-address', `Description of the new logical address ${a.hsaId}`)) });
  return out;
}

/** `REF:YYYY-MM-DD` (the reference may itself hold colons; the date is after the last one). */
export function approval(flag: string, value: string): Approval {
  const at = value.lastIndexOf(':');
  const ref = value.slice(0, at).trim();
  const approved = value.slice(at + 1).trim();
  if (at <= 0 || !ref || !isoDate.safeParse(approved).success) {
    throw new RequestInputError(`${flag} ${value} is not written REF:YYYY-MM-DD (the document's reference and the day it was approved)`);
  }
  return { ref, approved };
}

/** A file-name part from a name: the import's file names, with letters such as å and ö as a and o. */
export function slug(text: string): string {
  return fileSlug(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).slice(0, 40);
}

/** The last segment of a service domain (`forminteraction` of `infrastructure:eservicesupply:forminteraction`). */
export const domainShort = (contract: ServiceContract) => contract.domain.split(':').pop()!;

export const systemLabel = (system: System) => `${system.hsaId} (${system.decl.name})`;

/** The connection files of an environment that tak can edit (YAML; TypeScript is edited by hand). */
export function editable(connection: Connection): boolean {
  return /\.ya?ml$/.test(connection.file);
}

/** `3 logical addresses` or the address itself. */
export function addressSummary(addresses: { hsaId: string }[]): string {
  return addresses.length === 1 ? addresses[0].hsaId : `${addresses.length.toLocaleString('en')} logical addresses`;
}

export function branchName(...parts: string[]): string {
  return `request/${parts.map(slug).filter(Boolean).join('-')}`.slice(0, 80).replace(/-$/, '');
}
