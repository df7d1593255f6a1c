/**
 * Which commit each served environment answers from, and the reload when it moves. The commit is
 * the environment's applied ref (`refs/tak/applied/<env>`) when there is one, else HEAD. The refs
 * are polled (one `git for-each-ref` and one `git rev-parse` per interval); a moved ref is read from
 * the object database (the working tree is never touched) and checked with the policy pack as
 * `tak validate` would, in a worker thread while this one keeps serving; only a state without
 * errors replaces the one being served. A commit
 * with errors is refused: the last good state keeps serving and /health says why.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { appliedRef } from '../applied';
import { GitRevisionReader } from '../load/git-reader';
import type { LoadVerdict } from './load-commit';
import { loadInWorker } from './load-worker';
import { buildSnapshot, type Snapshot } from './snapshot';

const run = promisify(execFile);

/** Why an environment's newest commit is not the one served. */
export interface Refusal {
  commit: string;
  errors: number;
  /** The first few error findings, `file:line rule message`. */
  findings: string[];
  at: string;
}

export interface EnvironmentHealth {
  env: string;
  serving?: { commit: string; source: 'applied' | 'HEAD'; loadedAt: string; routing: number; authorizations: number };
  refused?: Refusal;
  /** A commit that could not be read at all (not a repository, missing objects). */
  problem?: string;
}

export interface SourceOptions {
  root: string;
  /** The environments to serve; every environment of the current commit when absent. */
  envs?: string[];
  /** The clock the policy rules judge validity and expiry by. */
  now: () => Date;
  log?: (line: string) => void;
}

/** What one reload did, for metrics. */
export interface ReloadResult {
  env: string;
  commit: string;
  outcome: 'loaded' | 'refused' | 'failed';
  seconds: number;
}

interface Target {
  commit: string;
  source: 'applied' | 'HEAD';
}

export class CatalogSource {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly health = new Map<string, EnvironmentHealth>();
  /** The commit last tried per environment, so that a refused commit is not read again every poll. */
  private readonly tried = new Map<string, string>();
  private envs: string[] = [];
  private loading?: Promise<ReloadResult[]>;
  private readonly listeners: ((results: ReloadResult[]) => void)[] = [];

  constructor(private readonly options: SourceOptions) {}

  /** Reads every environment once; an environment that cannot be served yet is reported in health(). */
  async start(): Promise<ReloadResult[]> {
    const head = await this.targets(this.options.envs ?? []);
    this.envs = this.options.envs ?? (await this.environmentsAt(head.get('')!.commit));
    return this.reload();
  }

  environments(): readonly string[] {
    return this.envs;
  }

  snapshot(env: string): Snapshot | undefined {
    return this.snapshots.get(env);
  }

  status(): EnvironmentHealth[] {
    return this.envs.map((env) => this.health.get(env) ?? { env, problem: 'not loaded yet' });
  }

  onReload(listener: (results: ReloadResult[]) => void): void {
    this.listeners.push(listener);
  }

  /** Looks at the refs and loads the environments whose commit moved; one reload at a time. */
  reload(): Promise<ReloadResult[]> {
    this.loading ??= this.reloadMoved().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async reloadMoved(): Promise<ReloadResult[]> {
    const targets = await this.targets(this.envs);
    const byCommit = new Map<string, { env: string; target: Target }[]>();
    for (const env of this.envs) {
      const target = targets.get(env) ?? targets.get('')!;
      if (this.tried.get(env) === target.commit) continue;
      byCommit.set(target.commit, [...(byCommit.get(target.commit) ?? []), { env, target }]);
    }
    const results: ReloadResult[] = [];
    for (const [commit, wanted] of byCommit) results.push(...(await this.load(commit, wanted)));
    if (results.length) for (const listener of this.listeners) listener(results);
    return results;
  }

  /** Reads one commit for the environments that want it (in a worker thread), and swaps in each good state. */
  private async load(commit: string, wanted: { env: string; target: Target }[]): Promise<ReloadResult[]> {
    const start = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
    for (const { env } of wanted) this.tried.set(env, commit);
    let verdicts: LoadVerdict[];
    try {
      verdicts = await loadInWorker({ root: this.options.root, commit, envs: wanted.map((w) => w.env), now: this.options.now().toISOString() });
    } catch (error) {
      return wanted.map(({ env }) => this.fail(env, commit, (error as Error).message, seconds()));
    }
    return verdicts.map((verdict, i): ReloadResult => {
      const { env } = verdict;
      if (verdict.kind === 'missing') return this.fail(env, commit, `commit ${commit.slice(0, 12)} has no environment ${env}`, seconds());
      if (verdict.kind === 'refused') return this.refuse(env, commit, verdict, seconds());
      const snapshot = buildSnapshot(verdict.prepared, wanted[i].target);
      this.snapshots.set(env, snapshot);
      this.health.set(env, { env, serving: servingOf(snapshot) });
      this.options.log?.(`${env}: serving ${commit.slice(0, 12)} (${snapshot.source}), ${snapshot.routing.length} routing entries, ${snapshot.authorizations.length} authorizations`);
      return { env, commit, outcome: 'loaded', seconds: seconds() };
    });
  }

  private refuse(env: string, commit: string, verdict: { errors: number; findings: string[] }, seconds: number): ReloadResult {
    const refused: Refusal = { commit, errors: verdict.errors, findings: verdict.findings, at: new Date().toISOString() };
    this.health.set(env, { ...this.health.get(env), env, refused, problem: undefined });
    this.options.log?.(`${env}: refused ${commit.slice(0, 12)}: ${verdict.errors} error(s), first: ${verdict.findings[0]}; still serving ${this.snapshots.get(env)?.commit.slice(0, 12) ?? 'nothing'}`);
    return { env, commit, outcome: 'refused', seconds };
  }

  private fail(env: string, commit: string, problem: string, seconds: number): ReloadResult {
    this.health.set(env, { ...this.health.get(env), env, problem });
    this.options.log?.(`${env}: cannot load ${commit.slice(0, 12)}: ${problem}`);
    return { env, commit, outcome: 'failed', seconds };
  }

  /** The commit of each environment's applied ref, and HEAD's under the key ''. */
  private async targets(envs: readonly string[]): Promise<Map<string, Target>> {
    const git = (args: string[]) => run('git', args, { cwd: this.options.root }).then((r) => r.stdout);
    const [refs, head] = await Promise.all([
      git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/tak/applied/']),
      git(['rev-parse', '--verify', 'HEAD^{commit}']),
    ]);
    const applied = new Map(refs.split('\n').filter(Boolean).map((line) => line.split(' ') as [string, string]));
    const targets = new Map<string, Target>([['', { commit: head.trim(), source: 'HEAD' }]]);
    for (const env of envs) {
      const commit = applied.get(appliedRef(env));
      if (commit) targets.set(env, { commit, source: 'applied' });
    }
    return targets;
  }

  private async environmentsAt(commit: string): Promise<string[]> {
    const reader = await GitRevisionReader.open(this.options.root, commit, 'head');
    const names = (await reader.list()).map((f) => /^environments\/([^/]+)\//.exec(f)?.[1]).filter((n): n is string => !!n);
    await reader.dispose();
    return [...new Set(names)].sort();
  }
}

function servingOf(s: Snapshot): EnvironmentHealth['serving'] {
  return { commit: s.commit, source: s.source, loadedAt: s.loadedAt.toISOString(), routing: s.routing.length, authorizations: s.authorizations.length };
}
