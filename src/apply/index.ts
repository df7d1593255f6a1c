/**
 * `tak apply --env E`: carries the commits merged since E's last apply to the platform, in steps
 * that each do one thing and name themselves when they fail:
 *
 *   refuse   a held lock, a dirty tree, HEAD not containing the applied commit, error findings
 *   plan     the change from the applied commit to HEAD (the same machinery and order as tak plan)
 *   synth    E's stack and manifests (as tak synth writes them)
 *   deploy   terraform (or kubectl) through the CommandRunner
 *   publish  the order under E's next number in the order feed, or POSTed to the order endpoint
 *   record   refs/tak/applied/E and its note, pushed when there is a remote
 *
 * Nothing is recorded unless every step before it succeeded. `dryRun` runs everything but the
 * changing half of deploy, publish and record.
 */
import * as path from 'node:path';
import { pack } from '../../policies/pack';
import { trustedCaSecret } from '../../stacks/ca-bundle';
import { appliedRef } from '../applied';
import { describeFeed, nextOrderNumber, orderFeedOf, publishOrder, refreshFeed, type OrderFeed } from '../applied/feed-writer';
import { GitRevisionReader } from '../load/git-reader';
import type { ParseCache } from '../load';
import type { EnvironmentState } from '../model/state';
import { makePlan, type EnvironmentPlan } from '../plan';
import { readState } from '../pipeline';
import type { Order } from '../formats/order/types';
import { deploy, DeployFailed, sha256, type Deployed, type Target } from './deploy';
import { submitOrder, type EndpointAnswer } from './endpoint';
import { git, gitMaybe, remoteOf, resolveCommit } from './git';
import { acquireLock, LockHeld } from '../fs/lock';
import { appliedCommit, readRecord, refreshRecords, writeRecord, type EnvironmentRecord } from './record';
import type { CommandRunner } from './runner';
import { synthesizeEnvironment } from './synth';

export interface ApplyInput {
  root: string;
  env: string;
  dryRun: boolean;
  allowRollback: boolean;
  target: Target;
  now: Date;
  runner: CommandRunner;
  /** Asked before the deploy changes anything (the CLI's prompt, or yes with --auto-approve). */
  confirm: () => Promise<boolean>;
  output: (text: string) => void;
  /** Environment variables for the order endpoint's client credentials (default: the process's). */
  variables?: NodeJS.ProcessEnv;
}

/** Apply would not start: exit 1, nothing done. */
export class ApplyRefused extends Error {}

/** A step failed after the apply started: nothing was recorded. */
export class ApplyFailed extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export type ApplyOutcome =
  | { kind: 'no-op'; commit: string }
  | { kind: 'dry-run'; commit: string; orderNumber?: number; deployed?: Deployed }
  | { kind: 'applied'; record: EnvironmentRecord };

export async function applyEnvironment(input: ApplyInput): Promise<ApplyOutcome> {
  const { root, env } = input;
  const head = resolveCommit(root, 'HEAD');
  if (!head) throw new ApplyRefused(`${root} has no commit to apply; commit the declarations first`);
  const remote = remoteOf(root);
  const release = lock(root, env, input.dryRun);
  try {
    refuseDirtyTree(root);
    step('fetch', () => refreshRecords(root, remote, [env]));
    const applied = appliedCommit(root, env);
    refuseOlderState(root, env, applied, head, input.allowRollback);
    if (applied === head) {
      input.output(`${env}: ${short(head)} is already applied; nothing to do\n`);
      return { kind: 'no-op', commit: head };
    }
    const { plan, state } = await planChange(root, env, applied, head, input.now);
    refuseFindings(env, plan);
    input.output(`${env}: applying ${applied ? `${short(applied)}..` : ''}${short(head)}${input.dryRun ? ' (dry run: nothing is changed, published or recorded)' : ''}\n`);
    const folder = await synthesize(root, state, input);
    const feed = orderFeedOf(state.environment, root);
    const endpoint = state.environment?.orderEndpoint;
    const text = plan.order ? `${JSON.stringify(plan.order, null, 2)}\n` : undefined;
    const number = text ? step('publish', () => orderNumber(root, env, feed, endpoint, remote)) : undefined;
    if (text) showOrder(input, plan.order!, number!, endpoint ?? describeFeed(feed), text);
    else input.output(`${env}: the change needs no order (the catalog's rows stay as they are)\n`);
    const deployed = folder ? await deployStep(input, state, folder) : undefined;
    if (input.dryRun) return { kind: 'dry-run', commit: head, orderNumber: number, deployed };
    const published = text ? await publishStep(root, env, feed, endpoint, text, state, remote, input) : undefined;
    const record: EnvironmentRecord = {
      env,
      commit: head,
      appliedAt: input.now.toISOString(),
      ...(published ? { orderNumber: published.number, orderDigest: sha256(text!) } : {}),
      ...(deployed ? { planDigest: deployed.planDigest } : {}),
      ...(published?.answer ? { orderResponse: published.answer } : {}),
    };
    step('record', () => writeRecord(root, record, remote));
    input.output(`${env}: ${short(head)} is applied (${appliedRef(env)}${remote ? `, pushed to ${remote}` : ''})\n`);
    return { kind: 'applied', record };
  } finally {
    release();
  }
}

/** One apply per environment at a time, across processes on this machine (CI adds its own concurrency). */
function lock(root: string, env: string, dryRun: boolean): () => void {
  if (dryRun) return () => undefined;
  const common = path.resolve(root, git(root, ['rev-parse', '--git-common-dir']));
  try {
    return acquireLock(path.join(common, 'tak', 'locks', `apply-${env}.lock`), `apply of ${env}`);
  } catch (error) {
    if (error instanceof LockHeld) throw new ApplyRefused(error.message);
    throw error;
  }
}

function refuseDirtyTree(root: string): void {
  const dirty = (gitMaybe(root, ['status', '--porcelain', '--untracked-files=normal']) ?? '').split('\n').filter(Boolean);
  if (dirty.length === 0) return;
  throw new ApplyRefused(`the working tree has ${dirty.length} uncommitted change(s) (${dirty[0].slice(3)}${dirty.length > 1 ? ', …' : ''}); apply applies commits: commit or stash them first`);
}

function refuseOlderState(root: string, env: string, applied: string | undefined, head: string, allowRollback: boolean): void {
  if (!applied || allowRollback) return;
  if (gitMaybe(root, ['merge-base', '--is-ancestor', applied, head]) !== undefined) return;
  throw new ApplyRefused(
    `HEAD (${short(head)}) does not contain the applied commit of ${env} (${short(applied)}); update the branch (git pull), or pass --allow-rollback to apply an older or diverged state`,
  );
}

function refuseFindings(env: string, plan: EnvironmentPlan): void {
  const errors = plan.findings.filter((f) => f.level === 'error' && !f.suppressed);
  if (errors.length === 0) return;
  const first = errors[0];
  throw new ApplyRefused(`${errors.length} error-level finding(s) in ${env}, first ${first.location.file}:${first.location.line} ${first.rule}: ${first.message}; fix them (tak validate --env ${env}) and run again`);
}

/** The plan from the applied commit (or from nothing) to HEAD, read from git objects only. */
async function planChange(root: string, env: string, applied: string | undefined, head: string, now: Date): Promise<{ plan: EnvironmentPlan; state: EnvironmentState }> {
  const readers: GitRevisionReader[] = [];
  try {
    const headReader = await GitRevisionReader.open(root, head, 'head');
    readers.push(headReader);
    const baseReader = applied ? await GitRevisionReader.open(root, applied, 'base') : undefined;
    if (baseReader) readers.push(baseReader);
    const cache: ParseCache = new Map();
    const headState = await readState(headReader, cache);
    // Before the first apply, everything at HEAD is new.
    const base = baseReader ? await readState(baseReader, cache) : { catalog: headState.catalog, environments: new Map() };
    const state = headState.environments.get(env);
    if (!state) throw new ApplyRefused(`there is no environment "${env}" at HEAD (have: ${[...headState.environments.keys()].join(', ') || 'none'})`);
    const plan = makePlan({ base, head: headState, baseLabel: applied ? `applied ${short(applied)}` : 'nothing applied', headLabel: short(head), pack, now, env });
    return { plan: plan.environments[0], state };
  } finally {
    for (const r of readers) await r.dispose();
  }
}

/** Writes E's stack and manifests as `tak synth --env E` does; the folder to deploy, or none without a kubernetes target. */
async function synthesize(root: string, state: EnvironmentState, input: ApplyInput): Promise<string | undefined> {
  const synthesized = await synthesizeEnvironment(root, state);
  if (synthesized.kind === 'skipped') {
    input.output(`${state.name}: no kubernetes target, so there is nothing to deploy; only the order is published\n`);
    return undefined;
  }
  if (synthesized.kind === 'failed') {
    throw new ApplyFailed('synth', `synthesis of ${state.name} stopped: ${synthesized.problems.join('; ')}; nothing was changed or recorded`, 1);
  }
  return input.target === 'terraform' ? synthesized.stack : synthesized.manifests;
}

async function deployStep(input: ApplyInput, state: EnvironmentState, folder: string): Promise<Deployed> {
  try {
    const deployed = await deploy({ runner: input.runner, target: input.target, folder, context: state.environment?.kubernetes?.context, dryRun: input.dryRun, confirm: input.confirm, output: input.output });
    for (const s of deployed.skipped) input.output(`would run: ${s}\n`);
    if (!deployed.changes) input.output(`${state.name}: ${input.target} has nothing to change\n`);
    return deployed;
  } catch (error) {
    if (error instanceof DeployFailed) throw new ApplyFailed(error.step, `${error.message}; nothing was recorded`, error.exitCode);
    throw error;
  }
}

/** The number the order gets: the next in the feed, or after the last recorded one when it goes to an endpoint. */
function orderNumber(root: string, env: string, feed: OrderFeed, endpoint: string | undefined, remote: string | undefined): number {
  if (endpoint) return (readRecord(root, env)?.orderNumber ?? 0) + 1;
  refreshFeed(feed, { root, remote });
  return nextOrderNumber(feed, env, { root, remote });
}

function showOrder(input: ApplyInput, order: Order, number: number, where: string, text: string): void {
  const count = (o: Order['inkludera']) => `${o.vagval.length} vagval, ${o.anropsbehorigheter.length} anropsbehörigheter`;
  const verb = input.dryRun ? 'would be' : 'will be';
  input.output(`${input.env}: order ${number} for ${order.plattform} ${verb} published to ${where}: include ${count(order.inkludera)}; exclude ${count(order.exkludera)}\n`);
  if (input.dryRun) input.output(text);
}

async function publishStep(
  root: string,
  env: string,
  feed: OrderFeed,
  endpoint: string | undefined,
  text: string,
  state: EnvironmentState,
  remote: string | undefined,
  input: ApplyInput,
): Promise<{ number: number; answer?: EndpointAnswer }> {
  try {
    if (endpoint) {
      const number = orderNumber(root, env, feed, endpoint, remote);
      const answer = await submitOrder({ url: endpoint, order: text, ca: caBundle(state), env: input.variables });
      input.output(`${env}: order ${number} submitted to ${endpoint}: ${answer.status} ${answer.body.trim().slice(0, 200)}\n`);
      return { number, answer };
    }
    const comment = (t: string) => (JSON.parse(t) as Order).kommentar;
    const published = publishOrder(feed, env, text, (earlier) => comment(earlier) === comment(text), { root, remote });
    input.output(`${env}: order ${published.number} ${published.already ? 'was already published' : 'published'} (${published.location}); give the service desk order number ${published.number}\n`);
    return { number: published.number };
  } catch (error) {
    throw new ApplyFailed('publish', `${(error as Error).message}; nothing was recorded (the deploy is done: run apply again to publish)`, 1);
  }
}

/** The environment's trusted CAs, which the order endpoint's certificate must chain to. */
function caBundle(state: EnvironmentState): string {
  const { secret, problems } = trustedCaSecret({ env: state.name, namespace: 'tak' }, state);
  if (!secret) throw new Error(problems.map((p) => p.message).join('; '));
  return Buffer.from(secret.data!['ca.crt'], 'base64').toString('utf8');
}

/** Runs a step, turning a failure into one that names the step. */
function step<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ApplyFailed || error instanceof ApplyRefused) throw error;
    throw new ApplyFailed(name, `${(error as Error).message}; nothing was recorded`, name === 'fetch' ? 2 : 1);
  }
}

const short = (sha: string) => sha.slice(0, 12);
