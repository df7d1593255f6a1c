/**
 * Pieces of text joined into chunks of about `chunkSize` characters (the last may be shorter), so
 * that a large document (a prod-sized cache, a streamed response) is never one string.
 * A chunk is joined once from its pieces: appending with `+=` would build a rope of thousands of
 * pieces that the first reader (a hash, an encoder) then has to flatten, which costs seconds at
 * prod size.
 */
export function* chunked(parts: Iterable<Iterable<string>>, chunkSize: number): Generator<string> {
  let pieces: string[] = [];
  let length = 0;
  for (const part of parts) {
    for (const piece of part) {
      pieces.push(piece);
      length += piece.length;
      if (length >= chunkSize) {
        yield pieces.join('');
        pieces = [];
        length = 0;
      }
    }
  }
  if (length > 0) yield pieces.join('');
}

/** Each item mapped when it is reached, so that a million elements are never all strings at once. */
export function* lazyMap<T>(items: Iterable<T>, map: (item: T) => string): Generator<string> {
  for (const item of items) yield map(item);
}
