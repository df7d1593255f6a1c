import { UnreadableFile } from './reader';
import { ensureTypeScriptHook } from './typescript-hook';

/**
 * Imports a TypeScript declaration file and returns its default export, through the TypeScript
 * hook (`typescript-hook.ts`). A file that throws on import is reported, not propagated.
 */
export function importDeclaration(absolutePath: string): unknown {
  let mod: { default?: unknown };
  ensureTypeScriptHook();
  try {
    delete require.cache[absolutePath];
    mod = require(absolutePath);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UnreadableFile(`failed when imported: ${reason}`);
  }
  if (!mod || mod.default === undefined) {
    throw new UnreadableFile('has no default export; export the declaration with `export default defineConnection({...})`');
  }
  return mod.default;
}
