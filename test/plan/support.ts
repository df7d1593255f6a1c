/**
 * Helpers for plan tests: copies of the shipped example data, and the comparison the round trip
 * makes (the rows in effect on a day, as comparable strings).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { activeOn, isoDay } from '../../src/check/periods';
import { buildOrder } from '../../src/formats/order/build';
import { executeOrder } from '../../src/formats/order/execute';
import { validateOrderSchema } from '../../src/formats/order/schema';
import { authorizationKey, routingKey, tablesFromState, type TakTables } from '../../src/formats/tak/tables';
import type { EnvironmentState } from '../../src/model/state';
import { diffEnvironment } from '../../src/plan/diff';

export const REPO_ROOT = path.join(__dirname, '../..');

/** A copy of the example data (config/ and environments/) in a new temp folder. */
export function copyExample(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tak-plan-'));
  for (const dir of ['config', 'environments']) cpSync(path.join(REPO_ROOT, dir), path.join(root, dir), { recursive: true });
  return root;
}

/** Rewrites one file of a repository copy. */
export function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

const period = (r: { from?: string; to?: string }) => ({ validFrom: r.from, validTo: r.to });

/** Routing (with its address) and authorizations in effect on `day`, sorted; case as the platform matches. */
export function activeRows(t: TakTables, day: string): { routing: string[]; authorizations: string[] } {
  return {
    routing: t.routing
      .filter((r) => activeOn(period(r), day))
      .map((r) => `${routingKey(r)}|${r.producer.toLowerCase()}|${r.profile.toLowerCase()}|${r.url}`)
      .sort(),
    authorizations: t.authorizations.filter((a) => activeOn(period(a), day)).map(authorizationKey).sort(),
  };
}

/**
 * base + order = head: the order the plan builds, valid against the platform's schema and executed
 * with the platform's semantics on the base's rows, gives the rows the head declares on the day.
 */
export function roundTrip(base: EnvironmentState, head: EnvironmentState, now: Date) {
  expect([...base.diagnostics, ...head.diagnostics]).toEqual([]);
  const order = buildOrder(diffEnvironment(base, head), { now });
  expect(validateOrderSchema(order)).toEqual([]);
  const result = executeOrder(tablesFromState(base), order, { platform: head.environment!.platform, now });
  expect(result.errors).toEqual([]);
  const day = isoDay(now);
  expect(activeRows(result.tables, day)).toEqual(activeRows(tablesFromState(head), day));
  return order;
}
