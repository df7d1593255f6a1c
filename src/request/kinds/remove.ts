/**
 * `tak request remove`: logical addresses taken out of routing and authorizations (the ordering
 * tool's clean-up of addresses no longer used), or a whole connection file. A group that keeps other
 * contracts at a removed address is split, so exactly the named (contract, address) pairs go.
 */
import type { Catalog, Connection, EnvironmentState } from '../../model/state';
import { resolveContractRef } from '../../resolve/contracts';
import { requireContract, requireSystem } from '../../resolve/references';
import { RequestRefused } from '../git';
import { FileEdits } from '../edits';
import { addressSummary, branchName, contractRef, environmentFor, requestedAddresses, type RequestDraft, type RequestInput } from '../common';

export interface RemoveOptions {
  env?: string;
  logicalAddress?: string[];
  logicalAddressesFrom?: string;
  contract?: string[];
  producer?: string;
  consumer?: string;
  connection?: string;
}

type Key = 'routing' | 'authorizations';

/** What happens to one group: removed whole, or some of its addresses, and a split-off group. */
interface GroupChange {
  index: number;
  whole: boolean;
  addressIndexes: number[];
  split?: object;
}

export async function draftRemove(input: RequestInput, o: RemoveOptions): Promise<RequestDraft> {
  const state = await environmentFor(input, o.env);
  if (o.connection) return removeConnection(input, state, o.connection);
  const addresses = await requestedAddresses(input, state.catalog, o.logicalAddress, o.logicalAddressesFrom);
  const wanted = new Set(addresses.map((a) => a.hsaId.toLowerCase()));
  const contracts = o.contract?.length ? new Set(o.contract.map((c) => requireContract(state.catalog, c, '--contract').namespace.toLowerCase())) : undefined;
  const producer = o.producer ? requireSystem(state.catalog, o.producer, '--producer').key : undefined;
  const consumer = o.consumer ? requireSystem(state.catalog, o.consumer, '--consumer').key : undefined;
  const edits = new FileEdits(input);
  const details: string[] = [];
  for (const connection of state.connections) {
    const plan: Record<Key, GroupChange[]> = {
      routing: !consumer || producer ? connection.decl.routing.flatMap((g, i) => (producer && g.producer.toLowerCase() !== producer ? [] : change(state.catalog, i, Object.keys(g.contracts), g.logicalAddresses, wanted, contracts, (keep) => ({ ...g, contracts: Object.fromEntries(Object.entries(g.contracts).filter(([c]) => keep.includes(c))) })))) : [],
      authorizations: !producer || consumer ? connection.decl.authorizations.flatMap((g, i) => (consumer && !consumersOf(g).includes(consumer) ? [] : change(state.catalog, i, g.contracts, g.logicalAddresses, wanted, contracts, (keep) => ({ ...g, contracts: keep })))) : [],
    };
    if (!plan.routing.length && !plan.authorizations.length) continue;
    await apply(edits, connection, plan);
    details.push(`${connection.file}: ${plan.routing.length} routing and ${plan.authorizations.length} authorization groups changed`);
  }
  if (!details.length) throw new RequestRefused(`nothing to remove: no routing or authorization in ${state.name} lists ${addressSummary(addresses)}${contracts ? ' for those contracts' : ''}`);
  const refs = (o.contract ?? []).map((c) => contractRef(state.catalog, requireContract(state.catalog, c, '--contract')));
  return {
    subject: `${state.name}: remove ${addressSummary(addresses)}${refs.length ? ` for ${refs.join(', ')}` : ''}${producer ? ` from the routing to ${o.producer}` : ''}${consumer ? ` from the authorizations of ${o.consumer}` : ''}`,
    details,
    changes: edits.changes(),
    branch: branchName(state.name, 'remove', addresses.length > 1 ? `${addresses.length}-addresses` : addresses[0].hsaId),
  };
}

function consumersOf(g: { consumer?: string; consumers?: string[] }): string[] {
  return (g.consumer !== undefined ? [g.consumer] : g.consumers ?? []).map((c) => c.toLowerCase());
}

/** The change to one group, or none when it lists none of the addresses for the contracts. */
function change(catalog: Catalog, index: number, refs: string[], groupAddresses: string[], wanted: Set<string>, contracts: Set<string> | undefined, splitOff: (keep: string[]) => object): GroupChange[] {
  const ns = (ref: string) => (resolveContractRef(ref, catalog.contractIndex, catalog.contractsByShortName).namespace ?? ref).toLowerCase();
  const hit = refs.filter((r) => !contracts || contracts.has(ns(r)));
  if (!hit.length) return [];
  const addressIndexes = groupAddresses.flatMap((a, i) => (wanted.has(a.toLowerCase()) ? [i] : []));
  if (!addressIndexes.length) return [];
  const others = refs.filter((r) => !hit.includes(r));
  const removed = addressIndexes.map((i) => groupAddresses[i]);
  return [{ index, whole: addressIndexes.length === groupAddresses.length, addressIndexes, split: others.length ? { ...splitOff(others), logicalAddresses: removed } : undefined }];
}

async function apply(edits: FileEdits, connection: Connection, plan: Record<Key, GroupChange[]>): Promise<void> {
  const edit = await edits.of(connection);
  const emptied = (key: Key) => plan[key].filter((c) => c.whole && !c.split).length === connection.decl[key].length && connection.decl[key].length > 0;
  const remaining = (key: Key) => connection.decl[key].length > 0 && !emptied(key);
  if (!remaining('routing') && !remaining('authorizations') && (emptied('routing') || emptied('authorizations'))) {
    edits.delete(connection.file);
    return;
  }
  for (const key of ['routing', 'authorizations'] as const) {
    if (emptied(key)) {
      edit.removeTopLevel(key);
      continue;
    }
    for (const c of plan[key]) {
      if (c.whole) edit.removeGroup(key, c.index);
      else edit.removeItems([key, c.index, 'logicalAddresses'], c.addressIndexes);
    }
    const splits = plan[key].flatMap((c) => (c.split ? [c.split] : []));
    if (splits.length) edit.appendItems(key, splits);
  }
}

async function removeConnection(input: RequestInput, state: EnvironmentState, name: string): Promise<RequestDraft> {
  const connection = state.connections.find((c) => c.file === name || c.file.endsWith(`/${name}`));
  if (!connection) throw new RequestRefused(`--connection ${name} is not a connection file of ${state.name} (have: ${state.connections.map((c) => c.file).join(', ') || 'none'})`);
  const edits = new FileEdits(input);
  edits.delete(connection.file);
  return {
    subject: `${state.name}: remove the connection ${connection.file}`,
    details: [connection.decl.description ?? '', `${connection.decl.routing.length} routing and ${connection.decl.authorizations.length} authorization groups`].filter(Boolean),
    changes: edits.changes(),
    branch: branchName(state.name, 'remove', connection.file.split('/').pop()!.replace(/\.\w+$/, '')),
  };
}
