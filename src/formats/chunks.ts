/**
 * Pieces of text joined into chunks of about `chunkSize` characters (the last may be shorter), so
 * that a large document (a prod-sized cache, a streamed response) is never one string.
 */
export function* chunked(parts: Iterable<Iterable<string>>, chunkSize: number): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    for (const piece of part) {
      buffer += piece;
      if (buffer.length >= chunkSize) {
        yield buffer;
        buffer = '';
      }
    }
  }
  if (buffer) yield buffer;
}

/** Each item mapped when it is reached, so that a million elements are never all strings at once. */
export function* lazyMap<T>(items: Iterable<T>, map: (item: T) => string): Generator<string> {
  for (const item of items) yield map(item);
}
