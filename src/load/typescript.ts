import { UnreadableFile } from './reader';

/**
 * Imports a TypeScript declaration file and returns its default export. The CLI registers a
 * TypeScript hook at start-up (bin/tak.js), and jest transforms TypeScript itself, so a plain
 * `require` works in both. A file that throws on import is reported, not propagated.
 */
export function importDeclaration(absolutePath: string): unknown {
  let mod: { default?: unknown };
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
