import { UnreadableFile } from './reader';

/** Declarations are small; anything larger is almost certainly a mistake (or an attack). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, refusing what is empty, too large, binary or not UTF-8. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableFile(`is ${bytes.length} bytes, over the limit of ${MAX_FILE_BYTES}; split it into several files`);
  }
  if (bytes.includes(0)) throw new UnreadableFile('is a binary file, not a YAML or TypeScript declaration');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UnreadableFile('is not valid UTF-8 text; save it as UTF-8');
  }
  // \s is the set trim() removes; testing for one other character stops at the first, where trim() copies the text.
  if (!/\S/.test(text)) throw new UnreadableFile('is empty; add a declaration or delete the file');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
