/** The VP's local TAK cache (persistentCache XML): write it from TakTables, read it back. */
export { writeVpCache, vpCacheChunks, stateVpCacheChunks } from './write';
export { readVpCache, readVagvalsInfoResponse, VpCacheError } from './read';
export { UNBOUNDED_FROM } from './dates';
export type { VpCache, VpRouting, VpAuthorization } from './types';
