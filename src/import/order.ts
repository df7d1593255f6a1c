/**
 * `tak import order`: an order someone already has, turned into a change of the declarations.
 * The order is executed against the environment's rows with the platform's semantics
 * (formats/order/execute); a refused order writes nothing. What the execution adds goes into one
 * new connection file under `environments/<env>/orders/`; a file that held an entry the order ends
 * or replaces gets its routing and authorization lists rewritten from what remains (its other
 * keys and its comments outside those lists are kept). Catalog entities the order creates are
 * added to config/ as any import adds them.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { isoDay } from '../check/periods';
import { readOrder } from '../formats/order/read';
import { executeOrder } from '../formats/order/execute';
import { tablesFromState, type AuthorizationRow, type RoutingRow, type TakTables } from '../formats/tak/tables';
import type { EnvironmentState } from '../model/state';
import type { LoadOptions } from '../load';
import { readWorkingTree } from '../pipeline';
import { authorizationGroups, routingGroups, validity, type Dating } from './connections';
import { planShared } from './plan';
import { selectRows } from './select';
import type { ImportPlan } from './types';
import { documentText, toYaml } from './yaml';
import { writeImport } from './write';

export interface OrderImportOptions {
  now: Date;
  /** The platform id when the environment has no environment.yaml yet. */
  platform?: string;
  /** The order's file name, for the new file's name and comment. */
  origin: string;
  /** How the repository's declarations are read (TypeScript or not). */
  load?: LoadOptions;
}

export async function importOrder(root: string, env: string, text: string, options: OrderImportOptions): Promise<{ errors: string[]; report: string[] }> {
  const read = readOrder(text, options.origin);
  if (!read.order) return { errors: read.errors, report: [] };
  const state = await readWorkingTree(root, options.load);
  const envState = state.environments.get(env);
  const platform = envState?.environment?.platform ?? options.platform;
  if (!platform) return { errors: [`environments/${env}/ has no environment.yaml to take the platform id from; pass --platform`], report: [] };
  const current = tablesFromState(envState ?? ({ catalog: state.catalog, routing: [], authorizations: [] } as unknown as EnvironmentState));
  const executed = executeOrder(current, read.order, { platform, now: options.now });
  if (executed.errors.length) return { errors: executed.errors, report: [] };

  const today = isoDay(options.now);
  // What the execution end-dated before today is history, as in any import.
  const result = selectRows(executed.tables, today).tables;
  const target = { env, exists: (p: string) => existsSync(path.join(root, p)), connectionFiles: [] };
  const shared = planShared(result, state, target, { today, platform, origin: `the order ${options.origin}`, installed: newlyUsed(result, envState) });
  const change = difference(envState, result, shared.dating);
  const plan: ImportPlan = { create: shared.create, append: shared.append, replace: [], summary: [] };
  const comment = `Applied from the order ${options.origin} (environment ${env}) on ${today}.`;
  if (change.added.routing.length + change.added.authorizations.length) {
    const file = shared.paths.allocate(`environments/${env}/orders`, path.basename(options.origin).replace(/\.json$/i, ''));
    const decl = {
      description: `What the order ${options.origin} adds`,
      routing: routingGroups(change.added.routing, shared.ref, shared.dating),
      authorizations: authorizationGroups(change.added.authorizations, shared.ref, shared.dating),
    };
    plan.create.set(file, toYaml(decl, comment));
  }
  const rewritten: string[] = [];
  for (const [file, rows] of change.remaining) {
    if (!/\.ya?ml$/.test(file)) return { errors: [`the order changes entries declared in ${file}, a TypeScript file; change it by hand`], report: [] };
    plan.create.set(file, rewrite(readFileSync(path.join(root, file), 'utf8'), rows, shared.ref, shared.dating));
    rewritten.push(file);
  }
  const report = writeImport(root, plan, false).filter((line) => !/files written$/.test(line));
  return {
    errors: [],
    report: [
      `order ${options.origin} applied to environments/${env}/: ${change.added.routing.length} routing entries and ${change.added.authorizations.length} authorizations added, ${change.removed} ended or replaced`,
      ...report,
      ...rewritten.map((f) => `rewrote the routing and authorization lists of ${f}`),
    ],
  };
}

/** Contracts the executed tables route or authorize: what must be installed for them. */
function newlyUsed(tables: TakTables, envState?: EnvironmentState): string[] {
  const installed = (envState?.installedContracts ?? []).map((c) => c.namespace ?? c.ref);
  return [...installed, ...tables.routing.map((r) => r.contract), ...tables.authorizations.map((a) => a.contract)];
}

/** An entry as a declaration would write it: what must match for it to stay where it is. */
const routingForm = (r: RoutingRow, d: Dating) => JSON.stringify([r.contract, r.logicalAddress, r.producer, r.profile, r.url, validity(r, d)]).toLowerCase();
const authorizationForm = (a: AuthorizationRow, d: Dating) =>
  JSON.stringify([a.consumer, a.contract, a.logicalAddress, a.integrationAgreement ?? '', a.filters, validity(a, d)]).toLowerCase();

interface Difference {
  added: { routing: RoutingRow[]; authorizations: AuthorizationRow[] };
  removed: number;
  /** Files that lose entries -> what remains declared in them. */
  remaining: Map<string, { routing: RoutingRow[]; authorizations: AuthorizationRow[] }>;
}

function difference(envState: EnvironmentState | undefined, result: TakTables, dating: Dating): Difference {
  const before = envState ? tablesFromState(envState) : { routing: [], authorizations: [] };
  const files = { routing: envState?.routing.map((r) => r.location.file) ?? [], authorizations: envState?.authorizations.map((a) => a.location.file) ?? [] };
  const out: Difference = { added: { routing: [], authorizations: [] }, removed: 0, remaining: new Map() };
  const kept = { routing: new Set<number>(), authorizations: new Set<number>() };
  const losing = new Set<string>();
  const match = <R>(kind: 'routing' | 'authorizations', old: R[], now: R[], form: (r: R, d: Dating) => string) => {
    const pending = new Map<string, number[]>();
    old.forEach((r, i) => pending.set(form(r, dating), [...(pending.get(form(r, dating)) ?? []), i]));
    for (const r of now) {
      const slot = pending.get(form(r, dating));
      if (slot?.length) kept[kind].add(slot.shift()!);
      else (out.added[kind] as R[]).push(r);
    }
    old.forEach((_, i) => {
      if (!kept[kind].has(i)) losing.add(files[kind][i]);
    });
    out.removed += old.length - kept[kind].size;
  };
  match('routing', before.routing, result.routing, routingForm);
  match('authorizations', before.authorizations, result.authorizations, authorizationForm);
  for (const file of losing) {
    out.remaining.set(file, {
      routing: before.routing.filter((_, i) => files.routing[i] === file && kept.routing.has(i)),
      authorizations: before.authorizations.filter((_, i) => files.authorizations[i] === file && kept.authorizations.has(i)),
    });
  }
  return out;
}

function rewrite(text: string, rows: { routing: RoutingRow[]; authorizations: AuthorizationRow[] }, ref: (ns: string) => string, dating: Dating): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  for (const [key, groups] of [
    ['routing', routingGroups(rows.routing, ref, dating)],
    ['authorizations', authorizationGroups(rows.authorizations, ref, dating)],
  ] as const) {
    if (groups.length) doc.set(key, doc.createNode(groups));
    else doc.delete(key);
  }
  return documentText(doc);
}

