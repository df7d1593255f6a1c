/**
 * Writes what synth produced, atomically per environment: everything is first written into a
 * temporary folder inside the output folder, then each environment's folder is swapped into place
 * with a rename. Nothing outside `<out>/cdktf.out` and `<out>/dist` is touched. The temporary
 * folders carry the pid: removed when the command is interrupted (src/cleanup.ts), and by the next
 * synth when a killed one left them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryFolder } from '../src/cleanup';
import { renderManifests } from './manifests';
import { synthesizeApp, type BuiltEnvironment } from './main';

export interface OutputPaths {
  root: string;
  /** The folder that receives `cdktf.out/` and `dist/` (the repository root by default). */
  out: string;
}

export interface Written {
  env: string;
  stack: string;
  manifests: string[];
}

export function writeOutputs(builds: BuiltEnvironment[], paths: OutputPaths): Written[] {
  const cdktfOut = path.join(paths.out, 'cdktf.out');
  const distOut = path.join(paths.out, 'dist');
  mkdirSync(cdktfOut, { recursive: true });
  mkdirSync(distOut, { recursive: true });
  const [synthTmp, removeSynthTmp] = temporaryFolder(cdktfOut, '.synth');
  const [distTmp, removeDistTmp] = temporaryFolder(distOut, '.synth');
  try {
    synthesizeApp(builds, synthTmp, { root: paths.root, outdir: cdktfOut });
    const manifests = builds.map((b) => {
      const files = renderManifests(b.objects);
      mkdirSync(path.join(distTmp, b.env));
      for (const [name, text] of files) writeFileSync(path.join(distTmp, b.env, name), text);
      return [...files.keys()];
    });
    mkdirSync(path.join(cdktfOut, 'stacks'), { recursive: true });
    for (const b of builds) {
      swap(path.join(synthTmp, 'stacks', b.env), path.join(cdktfOut, 'stacks', b.env));
      swap(path.join(distTmp, b.env), path.join(distOut, b.env));
    }
    mergeManifest(path.join(synthTmp, 'manifest.json'), path.join(cdktfOut, 'manifest.json'));
    return builds.map((b, i) => ({
      env: b.env,
      stack: path.relative(paths.out, path.join(cdktfOut, 'stacks', b.env, 'cdk.tf.json')),
      manifests: manifests[i].map((f) => path.relative(paths.out, path.join(distOut, b.env, f))),
    }));
  } finally {
    removeSynthTmp();
    removeDistTmp();
  }
}

/** Puts `from` at `to` with renames only, so a reader sees the old folder or the new one, never half. */
function swap(from: string, to: string): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}

/**
 * cdktf's manifest.json lists the stacks of one synth; with `--env`, the stacks of other
 * environments are still in the folder, so their entries are kept.
 */
function mergeManifest(fresh: string, target: string): void {
  const next = JSON.parse(readFileSync(fresh, 'utf8')) as { version: string; stacks: Record<string, unknown> };
  const previous = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as typeof next) : undefined;
  const folder = path.dirname(target);
  const kept = Object.entries(previous?.stacks ?? {}).filter(([name]) => !(name in next.stacks) && existsSync(path.join(folder, 'stacks', name)));
  const stacks = Object.fromEntries([...kept, ...Object.entries(next.stacks)].sort(([a], [b]) => (a < b ? -1 : 1)));
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ stacks, version: next.version }, null, 2)}\n`);
  renameSync(tmp, target);
}
