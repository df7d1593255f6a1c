/**
 * `tak request promote`: a connection copied from the environment this one promotes from (test to
 * qa, qa to prod), asking only for what differs: the producer URLs (taken from the producer's one
 * declared endpoint in the target where it has exactly one), the pre-study and the test evidence.
 */
import type { Connection, EnvironmentState, RoutingGroup } from '../../model/state';
import type { Approval } from '../../model/schemas';
import { requireContract } from '../../resolve/references';
import { RequestInputError } from '../address-list';
import { RequestRefused } from '../git';
import { YamlEdit } from '../yaml-edit';
import { approval, branchName, editable, environmentFor, requireEnvironment, type RequestDraft, type RequestInput } from '../common';

export interface PromoteOptions {
  env?: string;
  connection?: string;
  from?: string;
  url?: string[];
  prestudy?: string;
  selfDeclaration?: string;
  endToEnd?: string;
}

export async function draftPromote(input: RequestInput, o: PromoteOptions): Promise<RequestDraft> {
  const target = await environmentFor(input, o.env);
  const fromName = o.from ?? target.environment?.promotesFrom;
  if (!fromName) throw new RequestInputError(`${target.name} names no promotesFrom in its environment.yaml; say where from with --from`);
  const source = requireEnvironment(input.state, fromName);
  const connection = await connectionOf(input, source, o.connection);
  if (!editable(connection)) throw new RequestRefused(`${connection.file} is TypeScript; copy it by hand`);
  const file = `environments/${target.name}/${connection.file.slice(`environments/${source.name}/`.length)}`;
  if ((await input.text(file)) !== undefined) throw new RequestRefused(`${file} exists in ${target.name}; change it with tak request change-url, or remove it first`);
  const overrides = urlOverrides(target, o.url ?? []);
  const edit = new YamlEdit((await input.text(connection.file))!, file);
  const details: string[] = [`From ${connection.file}`];
  for (const group of source.routingGroups.filter((g) => g.connection === connection)) {
    for (const c of group.contracts) {
      const url = overrides.get(c.namespace?.toLowerCase() ?? '') ?? (await urlIn(input, target, group, c.url, c.ref));
      if (url !== c.url) edit.setScalar(['routing', connection.decl.routing.indexOf(group.decl), 'contracts', c.ref], url);
      details.push(`${c.ref}: ${url}`);
    }
  }
  // prod needs the pre-study updated for prod: the source's one is copied only when it says it covers both.
  const copied = connection.decl.prestudy;
  const sourceStudyRefused = target.environment?.stage === 'prod' && !!copied && !copied.covers?.includes(source.name);
  const prestudy = await evidence(input, '--prestudy', o.prestudy, `Pre-study approved for ${target.name}`, target.environment?.stage !== 'test' && (!copied || sourceStudyRefused));
  if (prestudy) edit.setTopLevel('prestudy', prestudy);
  const selfDeclaration = await evidence(input, '--self-declaration', o.selfDeclaration, 'Approved self-declaration', target.environment?.stage === 'qa' && !connection.decl.testEvidence?.selfDeclaration);
  const endToEnd = await evidence(input, '--end-to-end', o.endToEnd, 'Approved End-2-End test', target.environment?.stage === 'prod' && !connection.decl.testEvidence?.endToEnd);
  if (selfDeclaration || endToEnd) {
    edit.setTopLevel('testEvidence', { ...connection.decl.testEvidence, ...(selfDeclaration ? { selfDeclaration } : {}), ...(endToEnd ? { endToEnd } : {}) });
  }
  return {
    subject: `${target.name}: promote ${connection.file.split('/').pop()} from ${source.name}`,
    details: [...details, `File: ${file}`],
    changes: new Map([[file, edit.result()]]),
    branch: branchName(target.name, 'promote', connection.file.split('/').pop()!.replace(/\.\w+$/, '')),
  };
}

async function connectionOf(input: RequestInput, source: EnvironmentState, name: string | undefined): Promise<Connection> {
  const chosen = name ?? (await input.ask.pick('--connection', `Connection in ${source.name}`, source.connections.map((c) => ({ value: c.file, name: `${c.file}  ${c.decl.description ?? ''}` }))));
  const found = source.connections.find((c) => c.file === chosen || c.file.endsWith(`/${chosen}`));
  if (!found) throw new RequestInputError(`--connection ${chosen} is not a connection file of ${source.name} (have: ${source.connections.map((c) => c.file).join(', ') || 'none'})`);
  return found;
}

function urlOverrides(target: EnvironmentState, flags: string[]): Map<string, string> {
  return new Map(
    flags.map((flag) => {
      const at = flag.indexOf('=');
      if (at <= 0) throw new RequestInputError(`--url ${flag} is not written CONTRACT=URL`);
      return [requireContract(target.catalog, flag.slice(0, at), '--url').namespace.toLowerCase(), flag.slice(at + 1)];
    }),
  );
}

/**
 * The URL in the target: the source URL with its host and port swapped for the producer's endpoint
 * in the target, when the producer declares exactly one there; else asked for (or an error in a script).
 */
async function urlIn(input: RequestInput, target: EnvironmentState, group: RoutingGroup, url: string, ref: string): Promise<string> {
  const endpoints = target.catalog.systemIndex.get(group.decl.producer.toLowerCase())?.decl.environments[target.name]?.endpoints ?? [];
  if (endpoints.length === 1) {
    try {
      const u = new URL(url);
      u.host = endpoints[0].port === 443 ? endpoints[0].host : `${endpoints[0].host}:${endpoints[0].port}`;
      return u.toString();
    } catch {
      // Not a URL node can read: fall through to asking.
    }
  }
  if (!input.ask.interactive) {
    throw new RequestInputError(`the producer ${group.decl.producer} declares ${endpoints.length} endpoints in ${target.name}, so the URL of ${ref} there is not known; pass --url ${ref}=https://…`);
  }
  return input.ask.text('--url', `URL of ${ref} in ${target.name}`, { default: url });
}

async function evidence(input: RequestInput, flag: string, value: string | undefined, message: string, needed: boolean): Promise<Approval | undefined> {
  const text = value ?? (needed ? await input.ask.optional(`${message} (REF:YYYY-MM-DD, empty for none)`) : undefined);
  return text ? approval(flag, text) : undefined;
}
