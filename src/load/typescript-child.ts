/**
 * The process TypeScript declarations run in (see typescript.ts). It receives the files to load,
 * imports each and sends back its default export as plain data, one message per file, then
 * `done`. Its channel to the parent is taken before any declaration runs, so a declaration cannot
 * speak for the loader; what it prints goes nowhere, and how it exits means nothing.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LoadRequest {
  /** Absolute paths of the declaration files. */
  files: string[];
  /** Imports must resolve inside this folder (or to a package in a node_modules folder, or to Node's own modules). */
  root: string;
  /** The loader's time limit: past it (and a grace second) the process ends itself, whatever its main thread does. */
  timeoutMs: number;
}

export type LoadMessage =
  | { type: 'loading'; file: string }
  | { type: 'loaded'; file: string; value: unknown }
  | { type: 'failed'; file: string; reason: string }
  | { type: 'done' };

const send = process.send!.bind(process);
process.send = undefined;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * Declarations are read from the repository's own folders: a file of the repository may import
 * packages (by name, from node_modules, however they are installed) and Node's modules, but no
 * path that leads out of the repository. What packages import in turn is theirs.
 */
function confine(root: string): void {
  const inside = (file: string) => file === root || file.startsWith(root + path.sep);
  const resolver = Module as unknown as { _resolveFilename: (request: string, parent?: { filename?: string }, ...rest: unknown[]) => string };
  const resolve = resolver._resolveFilename;
  resolver._resolveFilename = function (request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    const byPath = request.startsWith('.') || path.isAbsolute(request);
    if (byPath && parent?.filename && inside(parent.filename) && path.isAbsolute(resolved) && !inside(resolved)) {
      throw new Error(`imports ${request}, which is outside the repository; keep what declarations import inside it, or import a package by name`);
    }
    return resolved;
  };
}

/**
 * A thread of its own that kills this process group when the time is up or the command that
 * started it is gone (killed with SIGKILL, it could not stop us): a declaration that loops
 * blocks the main thread, not this one.
 */
function watchdog(timeoutMs: number): void {
  const code = `
    const { workerData: { parent, limit } } = require('node:worker_threads');
    const end = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch { process.kill(process.pid, 'SIGKILL'); } };
    setTimeout(end, limit);
    setInterval(() => { if (process.ppid !== parent) end(); }, 500);
  `;
  new Worker(code, { eval: true, workerData: { parent: process.ppid, limit: timeoutMs + 1000 } }).unref();
}

function load(file: string): LoadMessage {
  let mod: { default?: unknown };
  try {
    mod = require(file);
  } catch (error) {
    return { type: 'failed', file, reason: `failed when imported: ${reasonOf(error)}` };
  }
  if (!mod || mod.default === undefined) {
    return { type: 'failed', file, reason: 'has no default export; export the declaration with `export default defineConnection({...})`' };
  }
  return { type: 'loaded', file, value: mod.default };
}

process.once('message', (request: LoadRequest) => {
  watchdog(request.timeoutMs);
  confine(request.root);
  for (const file of request.files) {
    send({ type: 'loading', file });
    const message = load(file);
    try {
      send(message);
    } catch (error) {
      send({ type: 'failed', file, reason: `exports something that is not plain data (${reasonOf(error)}); export objects, lists, strings, numbers and booleans` });
    }
  }
  send({ type: 'done' }, () => process.disconnect());
});
