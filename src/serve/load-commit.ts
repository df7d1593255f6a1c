/**
 * Reads one commit and checks it as `tak validate` would, for the environments that want it: each
 * one either prepared for serving, or refused with its error findings, or missing. Runs in a worker
 * thread (load-worker.ts); the result is plain data.
 */
import { checkRepository } from '../check/engine';
import { GitRevisionReader } from '../load/git-reader';
import { readState } from '../pipeline';
import { pack } from '../../policies/pack';
import { prepareEnvironment, type PreparedEnvironment } from './snapshot';

export interface LoadRequest {
  root: string;
  commit: string;
  envs: string[];
  /** ISO time the policy rules judge validity and expiry by, and the snapshot's time. */
  now: string;
}

export type LoadVerdict =
  | { env: string; kind: 'prepared'; prepared: PreparedEnvironment }
  | { env: string; kind: 'refused'; errors: number; findings: string[] }
  | { env: string; kind: 'missing' };

export async function loadCommit(request: LoadRequest): Promise<LoadVerdict[]> {
  const reader = await GitRevisionReader.open(request.root, request.commit, 'head');
  try {
    const repository = await readState(reader);
    const states = request.envs.map((env) => repository.environments.get(env));
    const present = states.filter((s) => s !== undefined);
    const findings = checkRepository(present, pack, { now: new Date(request.now), repository }).findings;
    return request.envs.map((env, i): LoadVerdict => {
      const state = states[i];
      if (!state) return { env, kind: 'missing' };
      const errors = findings.filter((f) => f.env === env && f.level === 'error' && !f.suppressed);
      if (errors.length) {
        return { env, kind: 'refused', errors: errors.length, findings: errors.slice(0, 5).map((f) => `${f.location.file}:${f.location.line} ${f.rule} ${f.message}`) };
      }
      return { env, kind: 'prepared', prepared: prepareEnvironment(state, new Date(request.now)) };
    });
  } finally {
    await reader.dispose();
  }
}
