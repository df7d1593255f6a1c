/**
 * Writes what synth produced. Each environment's `cdktf.out/stacks/<env>` and `dist/<env>` is
 * replaced whole (src/fs/replace.ts): a reader sees the old folder or the new one, files in it that
 * tak did not write (terraform's state, `.terraform/`, a user's notes) are kept, and what a killed
 * synth left is recovered by the next. Nothing outside `<out>/cdktf.out` and `<out>/dist` is
 * touched. One synth at a time per output folder (`<out>/.tak.lock`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryFolder } from '../src/cleanup';
import { acquireLock } from '../src/fs/lock';
import { replaceFileSync, replaceFolder } from '../src/fs/replace';
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
  /** Files in the environment's folders that tak did not write, kept (out-relative). */
  kept: string[];
}

const OPTIONS = { force: true, writtenBy: 'tak synth' };

export function writeOutputs(builds: BuiltEnvironment[], paths: OutputPaths): Written[] {
  const cdktfOut = path.join(paths.out, 'cdktf.out');
  const distOut = path.join(paths.out, 'dist');
  mkdirSync(path.join(cdktfOut, 'stacks'), { recursive: true });
  mkdirSync(distOut, { recursive: true });
  const release = acquireLock(path.join(paths.out, '.tak.lock'), `tak synth into ${paths.out}`);
  const [synthTmp, removeSynthTmp] = temporaryFolder(cdktfOut, '.synth');
  try {
    synthesizeApp(builds, synthTmp, { root: paths.root, outdir: cdktfOut });
    const written = builds.map((b) => {
      const stackDir = path.join(cdktfOut, 'stacks', b.env);
      const distDir = path.join(distOut, b.env);
      const keptStack = replaceFolder(stackDir, (folder) => moveContents(path.join(synthTmp, 'stacks', b.env), folder), OPTIONS);
      const files = renderManifests(b.objects);
      const keptDist = replaceFolder(distDir, (folder) => {
        for (const [name, text] of files) writeFileSync(path.join(folder, name), text);
      }, OPTIONS);
      const rel = (dir: string) => (f: string) => path.relative(paths.out, path.join(dir, f));
      return {
        env: b.env,
        stack: rel(stackDir)('cdk.tf.json'),
        manifests: [...files.keys()].map(rel(distDir)),
        kept: [...keptStack.map(rel(stackDir)), ...keptDist.map(rel(distDir))],
      };
    });
    mergeManifest(path.join(synthTmp, 'manifest.json'), path.join(cdktfOut, 'manifest.json'));
    return written;
  } finally {
    removeSynthTmp();
    release();
  }
}

function moveContents(from: string, to: string): void {
  for (const name of readdirSync(from)) renameSync(path.join(from, name), path.join(to, name));
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
  replaceFileSync(target, `${JSON.stringify({ stacks, version: next.version }, null, 2)}\n`, true);
}
