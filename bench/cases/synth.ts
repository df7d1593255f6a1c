/**
 * `tak synth` in-process for every environment: read the working tree, build each environment's
 * objects (one after another, as the command does), synthesize the cdktf stacks and write the
 * plain manifests, into a temporary output folder that is removed afterwards. Prints the number of
 * Terraform resources and cache shards per environment, which must grow with systems and shards only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readWorkingTree } from '../../src/pipeline';
import { buildEnvironment } from '../../stacks/environment';
import type { BuiltEnvironment } from '../../stacks/main';
import { writeOutputs } from '../../stacks/output';
import type { BenchCase } from '../types';

const synth: BenchCase = {
  name: 'synth',
  async run(repo) {
    const repository = await readWorkingTree(repo);
    const built: BuiltEnvironment[] = [];
    for (const state of repository.environments.values()) {
      const build = await buildEnvironment(state);
      if (build.kind !== 'built') throw new Error(`synth: ${build.env} was not built: ${JSON.stringify(build).slice(0, 500)}`);
      built.push(build);
    }
    const out = mkdtempSync(path.join(tmpdir(), 'tak-bench-synth-'));
    try {
      for (const w of writeOutputs(built, { root: repo, out })) {
        const stack = JSON.parse(readFileSync(path.join(out, w.stack), 'utf8')) as { resource: Record<string, Record<string, unknown>> };
        const resources = Object.values(stack.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
        const shards = w.manifests.filter((m) => /configmap-tak-vp-cache-\d+\.yaml$/.test(m)).length;
        process.stderr.write(`synth: ${w.env}: ${resources} Terraform resources, ${shards} cache shards\n`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};

export default synth;
