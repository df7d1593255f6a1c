/**
 * One environment's Kubernetes objects, built from its resolved state: the VP cache ConfigMap(s),
 * the trusted-CA Secret, the Ingress and the NetworkPolicies, and `tak serve` where it is asked for. An environment without a Kubernetes
 * target is skipped with a note; bad input gives located problems and no objects.
 */
import type { EnvironmentDecl } from '../src/model/schemas';
import type { EnvironmentState } from '../src/model/state';
import { stateVpCacheChunks } from '../src/formats/vp-cache';
import { trustedCaSecret } from './ca-bundle';
import { platformIngress } from './ingress';
import { hostProblem, namespaceProblem } from './names';
import { networkPolicies } from './network-policies';
import { validateObject, type KubeObject, type Scope } from './objects';
import { cacheConfigMaps } from './platform-config';
import { serveObjects } from './serve';
import type { Problem } from './problems';

export type KubernetesTarget = NonNullable<EnvironmentDecl['kubernetes']>;

export type EnvironmentBuild =
  | { env: string; kind: 'skipped'; notes: string[] }
  | { env: string; kind: 'failed'; notes: string[]; problems: Problem[] }
  | { env: string; kind: 'built'; notes: string[]; target: KubernetesTarget; objects: KubeObject[] };

export interface BuildOptions {
  /** Consumers (natural keys) the ingress must not let in: they have error-level findings. */
  refusedConsumers?: ReadonlySet<string>;
}

export async function buildEnvironment(state: EnvironmentState, options: BuildOptions = {}): Promise<EnvironmentBuild> {
  const env = state.name;
  const target = state.environment?.kubernetes;
  if (!target) {
    const serve = state.environment?.serve ? '; its serve: settings need one too' : '';
    return { env, kind: 'skipped', notes: [`${env}: no kubernetes target in ${state.location.file}, so nothing is synthesized for it${serve}`] };
  }
  // A declaration that did not load would silently be missing from the platform's configuration.
  const problems: Problem[] = state.diagnostics.map((d) => ({ message: `${d.message} (run tak validate)`, location: d.location, entity: d.entity }));
  const setting = (key: 'host' | 'namespace', problem: string | undefined) => {
    if (!problem) return;
    problems.push({
      message: `kubernetes.${key} "${target[key]}" ${problem}`,
      location: state.environmentLocator?.locate(['kubernetes', key]) ?? state.location,
    });
  };
  setting('host', hostProblem(target.host));
  setting('namespace', namespaceProblem(target.namespace));
  const scope: Scope = { env, namespace: target.namespace };
  const ca = trustedCaSecret(scope, state);
  const ingress = platformIngress(scope, state, target.host, options.refusedConsumers);
  const policies = networkPolicies(scope, state);
  const serve = serveObjects(scope, state);
  problems.push(...ca.problems, ...ingress.problems, ...policies.problems, ...serve.problems);
  const notes = [...ingress.notes, ...policies.notes];
  if (problems.length > 0) return { env, kind: 'failed', notes, problems };
  const objects: KubeObject[] = [
    ...(await cacheConfigMaps(scope, stateVpCacheChunks(state))),
    ca.secret!,
    ...(ingress.ingress ? [ingress.ingress] : []),
    ...policies.policies,
    ...serve.objects,
  ];
  objects.forEach(validateObject);
  return { env, kind: 'built', notes, target, objects };
}
