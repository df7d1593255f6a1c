/** `tak request change-url` (Byta URL): a routed contract gets a new producer URL, in place. */
import { requireContract, requireSystem } from '../../resolve/references';
import { RequestInputError } from '../address-list';
import { RequestRefused } from '../git';
import { FileEdits } from '../edits';
import { branchName, contractRef, environmentFor, type RequestDraft, type RequestInput } from '../common';

export interface ChangeUrlOptions {
  env?: string;
  contract?: string[];
  producer?: string;
}

export async function draftChangeUrl(input: RequestInput, o: ChangeUrlOptions): Promise<RequestDraft> {
  const state = await environmentFor(input, o.env);
  const producer = o.producer ? requireSystem(state.catalog, o.producer, '--producer') : undefined;
  const flags = o.contract?.length ? o.contract : [await input.ask.text('--contract', 'Contract and its new URL (GetForms:2=https://…)')];
  const edits = new FileEdits(input);
  const details: string[] = [];
  const refs: string[] = [];
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at <= 0) throw new RequestInputError(`--contract ${flag} gives no URL; write it CONTRACT=URL`);
    const contract = requireContract(state.catalog, flag.slice(0, at), '--contract');
    const url = flag.slice(at + 1);
    const ns = contract.namespace.toLowerCase();
    const groups = state.routingGroups.filter((g) => (!producer || g.decl.producer.toLowerCase() === producer.key) && g.contracts.some((c) => c.namespace?.toLowerCase() === ns));
    const label = `${contract.name}:${contract.major}`;
    if (!groups.length) throw new RequestRefused(`${label} is not routed${producer ? ` to ${producer.hsaId}` : ''} in ${state.name}; request routing instead (tak request routing)`);
    const producers = [...new Set(groups.map((g) => g.decl.producer))];
    if (producers.length > 1) throw new RequestInputError(`${label} is routed to ${producers.join(', ')} in ${state.name}; say which with --producer`);
    for (const group of groups) {
      const ref = group.contracts.find((c) => c.namespace?.toLowerCase() === ns)!;
      if (ref.url === url) throw new RequestRefused(`${label} already has ${url} at ${group.location.file}:${group.location.line}`);
      (await edits.of(group.connection)).setScalar(['routing', group.connection.decl.routing.indexOf(group.decl), 'contracts', ref.ref], url);
      details.push(`${contract.namespace}: ${ref.url} -> ${url} (${group.location.file})`);
    }
    refs.push(contractRef(state.catalog, contract));
  }
  return { subject: `${state.name}: change the URL of ${refs.join(', ')}`, details, changes: edits.changes(), branch: branchName(state.name, 'change-url', ...refs) };
}
