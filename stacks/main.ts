/**
 * The cdktf app: one TerraformStack per environment, with the kubernetes provider aimed at the
 * environment's context, a state backend, and one typed resource per plain Kubernetes object.
 * `synthesizeApp` runs `app.synth()` in-process: no cdktf-cli and no terraform are needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { KubernetesBackend } from './backend';
import type { EnvironmentBuild } from './environment';
import { Payloads } from './payloads';
import { addResource } from './resources';

export type BuiltEnvironment = Extract<EnvironmentBuild, { kind: 'built' }>;

/** Where the stacks end up and which repository they belong to (for relative state paths). */
export interface StackPaths {
  /** The repository root: a local state path is relative to it. */
  root: string;
  /** The cdktf output folder the stacks will finally live in (`<out>/stacks/<env>`). */
  outdir: string;
}

/** The default local state file of an environment, relative to the repository (git-ignored). */
export const defaultStatePath = (env: string) => `.tak/terraform/${env}.tfstate`;

export class EnvironmentStack extends TerraformStack {
  /** With `payloads`, large values are only stood in for (see payloads.ts): the synthesized file needs them restored. */
  constructor(scope: Construct, build: BuiltEnvironment, paths: StackPaths, payloads?: Payloads) {
    super(scope, build.env);
    const { target } = build;
    new KubernetesProvider(this, 'kubernetes', { configContext: target.context });
    const backend = target.backend ?? { type: 'local' as const, path: defaultStatePath(build.env) };
    if (backend.type === 'kubernetes') {
      new KubernetesBackend(this, { secretSuffix: backend.secretSuffix, namespace: backend.namespace ?? target.namespace, configContext: target.context });
    } else {
      // Terraform resolves a local path from the stack's folder; written relative, the output holds no absolute path.
      const stackDir = path.join(paths.outdir, 'stacks', build.env);
      const state = path.relative(stackDir, path.resolve(paths.root, backend.path)).split(path.sep).join('/');
      new LocalBackend(this, { path: state });
    }
    for (const object of build.objects) addResource(this, object, payloads);
  }
}

/** Synthesizes the stacks into `synthdir` (which may be a temporary folder that becomes `paths.outdir`). */
export function synthesizeApp(builds: BuiltEnvironment[], synthdir: string, paths: StackPaths): void {
  const app = new App({ outdir: synthdir, stackTraces: false });
  const payloads = new Payloads();
  for (const build of builds) new EnvironmentStack(app, build, paths, payloads);
  app.synth();
  for (const build of builds) {
    const file = path.join(synthdir, 'stacks', build.env, 'cdk.tf.json');
    writeFileSync(file, payloads.restore(readFileSync(file, 'utf8')));
  }
}
