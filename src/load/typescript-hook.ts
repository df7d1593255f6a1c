/**
 * Declarations written in TypeScript are compiled when they are loaded. The CLI itself runs compiled
 * JavaScript, so the compiler hook (tsx) is registered only when the first such file is met: a
 * repository of YAML never pays for it. Under jest (whose `require` has no extensions of its own,
 * and which compiles TypeScript itself) and under tsx (which has registered `.ts`) nothing is done.
 */
export function ensureTypeScriptHook(): void {
  const extensions = require.extensions as Record<string, unknown> | undefined;
  if (!extensions || !('.js' in extensions) || '.ts' in extensions) return;
  (require('tsx/cjs/api') as typeof import('tsx/cjs/api')).register();
}
