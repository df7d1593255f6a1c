/**
 * Test support for the stacks: the compliant repository of test/helpers with a Kubernetes target
 * in each environment, read and resolved as `tak synth` reads it.
 */
import { readWorkingTree } from '../src/pipeline';
import type { RepositoryState } from '../src/model/state';
import { compliant, environmentYaml, ENVIRONMENTS, type Files } from '../test/helpers/repo';
import { makeRepo, removeRepo } from '../test/helpers/minimal-repo';

export const kubernetesLines = (env: string) => ['kubernetes:', `  context: ntjp-${env}`, `  namespace: tak-${env}`, `  host: tp.${env}.example.se`];

/** The compliant files, every environment with a Kubernetes target, and `changes` over them. */
export async function synthFiles(changes: Files = {}): Promise<Files> {
  const { files } = await compliant();
  const targets = Object.fromEntries(ENVIRONMENTS.map((env) => [`environments/${env}/environment.yaml`, environmentYaml(env, kubernetesLines(env))]));
  return { ...files, ...targets, ...changes };
}

/** Writes the files into a temp repository, hands its root and state to `use`, and cleans up. */
export async function withRepository<T>(files: Files, use: (root: string, state: RepositoryState) => Promise<T>): Promise<T> {
  const root = makeRepo(files, true);
  try {
    return await use(root, await readWorkingTree(root));
  } finally {
    removeRepo(root);
  }
}
