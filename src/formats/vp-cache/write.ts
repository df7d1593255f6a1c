/**
 * Writes the VP's local TAK cache (`persistentCache`, the file the VP falls back on when the TAK is
 * unreachable) exactly as the VP's JAXB writer does: the `ns2` prefix, the redundant namespace
 * declaration on each virtualiseringsInfo, two-space indentation, no trailing newline.
 * Entries are sorted by natural key so that the same declarations give the same bytes, and their
 * ids are derived from the entry itself, so they are stable across runs.
 */
import type { Authorization, EnvironmentState, RoutingEntry } from '../../model/state';
import type { AuthorizationRow, RoutingRow, TakTables } from '../tak/tables';
import { authorizationKey, authorizationRows, routingKey, routingRow } from '../tak/tables';
import { chunked, lazyMap } from '../chunks';
import { forbiddenCharacter, visible } from '../../model/characters';
import { UnencodableValue } from '../errors';
import { writePeriod } from './dates';
import { VAGVALSINFO_NS } from './types';

const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<persistentCache xmlns:ns2="${VAGVALSINFO_NS}">`;
const FOOTER = '\n</persistentCache>';

type Rows = Pick<TakTables, 'routing' | 'authorizations'>;

/** A row with the id the VP knows it by. */
export interface Identified<T> {
  row: T;
  id: string;
}

/**
 * The names of the two kinds of element. The cache file writes them unqualified, with the
 * namespace declared again on each routing entry, as JAXB does; SokVagvalsInfo qualifies them.
 */
export interface InfoElements {
  routing: { open: string; close: string };
  authorization: { open: string; close: string };
}

export const CACHE_ELEMENTS: InfoElements = {
  routing: { open: `virtualiseringsInfo xmlns:ns2="${VAGVALSINFO_NS}"`, close: 'virtualiseringsInfo' },
  authorization: { open: 'anropsBehorighetsInfo', close: 'anropsBehorighetsInfo' },
};

/** The whole document as one string (for exports and small environments). */
export function writeVpCache(tables: Rows): string {
  return [...vpCacheChunks(tables)].join('');
}

/**
 * The document in pieces of about `chunkSize` characters, so that a prod-sized cache can be
 * hashed and compressed without ever being one string (V8 strings stop at 512 MiB). The default
 * keeps each piece a short-lived young string: pieces of a megabyte are large objects that cost
 * the garbage collector seconds at prod size.
 */
export function vpCacheChunks(tables: Rows, chunkSize = 1 << 16): Generator<string> {
  return documentChunks(identifiedAs(tables.routing, ROUTING_ROWS, itself), identifiedAs(tables.authorizations, AUTHORIZATION_ROWS, itself), chunkSize);
}

/**
 * The document of an environment's declarations: the same as `vpCacheChunks(tablesFromState(state))`,
 * but each row is made only when it is written, and the entries' own natural keys order them, so
 * that a prod-sized environment holds no copy of its rows and keys while it is written.
 */
export function stateVpCacheChunks(state: Pick<EnvironmentState, 'routing' | 'authorizations'>, chunkSize = 1 << 16): Generator<string> {
  return documentChunks(identifiedAs(state.routing, STATE_ENTRIES, routingRow), identifiedAs(state.authorizations, STATE_ENTRIES, authorizationRows()), chunkSize);
}

/** The document of entries in the order and with the ids every writer uses. */
function* documentChunks(routing: Iterable<Identified<RoutingRow>>, authorizations: Iterable<Identified<AuthorizationRow>>, chunkSize: number): Generator<string> {
  yield* chunked(
    [[HEADER], lazyMap(routing, (e) => routingXml(e, CACHE_ELEMENTS)), lazyMap(authorizations, (e) => authorizationXml(e, CACHE_ELEMENTS)), [FOOTER]],
    chunkSize,
  );
}

/** Routing rows in the order every writer uses (natural key, then period), each with its stable id. */
export function identifiedRouting(rows: readonly RoutingRow[]): Identified<RoutingRow>[] {
  return [...identifiedAs(rows, ROUTING_ROWS, itself)];
}

/** Authorizations in the order every writer uses, each with its stable id. */
export function identifiedAuthorizations(rows: readonly AuthorizationRow[]): Identified<AuthorizationRow>[] {
  return [...identifiedAs(rows, AUTHORIZATION_ROWS, itself)];
}

/** One virtualiseringsInfo element (with its leading newline and indentation). */
export function routingXml({ row: r, id }: Identified<RoutingRow>, names: InfoElements): string {
  const [from, to] = writePeriod(r.from, r.to);
  return (
    `\n  <${names.routing.open}>` +
    `\n    <ns2:virtualiseringsInfoId>${id}</ns2:virtualiseringsInfoId>` +
    `\n    <ns2:receiverId>${escapeXml(r.logicalAddress)}</ns2:receiverId>` +
    `\n    <ns2:rivProfil>${escapeXml(r.profile)}</ns2:rivProfil>` +
    `\n    <ns2:tjansteKontrakt>${escapeXml(r.contract)}</ns2:tjansteKontrakt>` +
    `\n    <ns2:fromTidpunkt>${from}</ns2:fromTidpunkt>` +
    `\n    <ns2:tomTidpunkt>${to}</ns2:tomTidpunkt>` +
    `\n    <ns2:adress>${escapeXml(r.url)}</ns2:adress>` +
    `\n  </${names.routing.close}>`
  );
}

/** One anropsBehorighetsInfo element, with its filters. */
export function authorizationXml({ row: a, id }: Identified<AuthorizationRow>, names: InfoElements): string {
  const [from, to] = writePeriod(a.from, a.to);
  const filters = a.filters
    .map(
      (f) =>
        '\n    <ns2:filterInfo>' +
        `\n      <ns2:serviceDomain>${escapeXml(f.serviceDomain)}</ns2:serviceDomain>` +
        f.categorizations.map((c) => `\n      <ns2:categorization>${escapeXml(c)}</ns2:categorization>`).join('') +
        '\n    </ns2:filterInfo>',
    )
    .join('');
  return (
    `\n  <${names.authorization.open}>` +
    `\n    <ns2:anropsBehorighetsInfoId>${id}</ns2:anropsBehorighetsInfoId>` +
    `\n    <ns2:receiverId>${escapeXml(a.logicalAddress)}</ns2:receiverId>` +
    `\n    <ns2:senderId>${escapeXml(a.consumer)}</ns2:senderId>` +
    `\n    <ns2:tjansteKontrakt>${escapeXml(a.contract)}</ns2:tjansteKontrakt>` +
    `\n    <ns2:fromTidpunkt>${from}</ns2:fromTidpunkt>` +
    `\n    <ns2:tomTidpunkt>${to}</ns2:tomTidpunkt>` +
    filters +
    `\n  </${names.authorization.close}>`
  );
}

/**
 * Ids from a hash of the natural key and period: the same entry keeps its id from run to run and
 * whatever else changes. Entries come sorted, so a repeated entry (the same key and period twice,
 * which the integrity rules report) follows its twin and gets a numbered suffix.
 */
class Ids {
  private last: readonly string[] = [];
  private lastId = '';
  private repeat = 1;

  next(key: string, from = '', to = ''): string {
    const parts = [key, from, to];
    const id = hash64(parts);
    // Equal text gives an equal hash, so only then need the texts be compared.
    this.repeat = id === this.lastId && parts.join('|') === this.last.join('|') ? this.repeat + 1 : 1;
    this.last = parts;
    this.lastId = id;
    return this.repeat === 1 ? id : `${id}-${this.repeat}`;
  }
}

const SEPARATOR = '|'.charCodeAt(0);

/**
 * A 64-bit hash, as 16 hex digits, of the parts joined with `|` (cyrb53's two 32-bit lanes),
 * computed over the parts themselves so that no joined string is built per entry. Not
 * cryptographic, and need not be: it only names entries (at 1M entries the odds that two share an
 * id are about 1 in 10^7), and a crypto hash per entry costs seconds at that size.
 */
function hash64(parts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h1 = mul32(h1 ^ SEPARATOR, 2654435761);
      h2 = mul32(h2 ^ SEPARATOR, 1597334677);
    }
    const text = parts[p];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = mul32(h1 ^ c, 2654435761);
      h2 = mul32(h2 ^ c, 1597334677);
    }
  }
  h1 = mul32(h1 ^ (h1 >>> 16), 2246822507) ^ mul32(h2 ^ (h2 >>> 13), 3266489909);
  h2 = mul32(h2 ^ (h2 >>> 16), 2246822507) ^ mul32(h1 ^ (h1 >>> 13), 3266489909);
  return hex64(h2, h1);
}

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const hexDigit = (word: number, shift: number) => HEX_DIGITS[(word >>> shift) & 0xf];

/**
 * 16 hex digits of two 32-bit words, made as one flat string: Number#toString(16) costs a second
 * per million entries, and joined pieces would keep each id as a rope of three strings.
 */
function hex64(high: number, low: number): string {
  const d = hexDigit;
  return String.fromCharCode(
    d(high, 28), d(high, 24), d(high, 20), d(high, 16), d(high, 12), d(high, 8), d(high, 4), d(high, 0),
    d(low, 28), d(low, 24), d(low, 20), d(low, 16), d(low, 12), d(low, 8), d(low, 4), d(low, 0),
  );
}

/**
 * Math.imul, in plain arithmetic: the same value, but it stays fast where Math comes from another
 * realm (jest's sandbox runs Math.imul as a slow call, 20 s at 1M entries).
 */
function mul32(a: number, b: number): number {
  return ((((a >>> 16) * b) << 16) + (a & 0xffff) * b) | 0;
}

/**
 * Where the fields that order and name entries are read: the catalog's rows and the state's
 * entries name the period differently, and the state's entries carry their natural key already.
 */
interface Ordering<E> {
  key(entry: E): string;
  from(entry: E): string | undefined;
  to(entry: E): string | undefined;
  /** What orders even repeated entries (routing: the URL, then the profile). */
  rest: readonly ((entry: E) => string | undefined)[];
}

type StateEntry = RoutingEntry | Authorization;
const ROUTING_ROWS: Ordering<RoutingRow> = { key: routingKey, from: (r) => r.from, to: (r) => r.to, rest: [(r) => r.url, (r) => r.profile] };
const AUTHORIZATION_ROWS: Ordering<AuthorizationRow> = { key: authorizationKey, from: (a) => a.from, to: (a) => a.to, rest: [] };
const STATE_ENTRIES: Ordering<StateEntry> = {
  key: (e) => e.key,
  from: (e) => e.validFrom,
  to: (e) => e.validTo,
  rest: [(e) => ('url' in e ? e.url : undefined), (e) => ('profile' in e ? e.profile : undefined)],
};

/**
 * Entries sorted by natural key, then period (then URL and profile, so that even repeated entries
 * have one order); code-unit order, the same on every machine; each as its row, made when it is
 * reached, with its id. Fields are compared one after another, and positions are sorted rather
 * than objects, so that nothing but the keys and ids is kept per entry (at prod size, every
 * object that lives through the sort costs the garbage collector).
 */
function* identifiedAs<E, T>(entries: readonly E[], by: Ordering<E>, rowOf: (entry: E) => T): Generator<Identified<T>> {
  const keys = entries.map(by.key);
  const field = (f: (entry: E) => string | undefined, a: number, b: number) => compare(f(entries[a]) ?? '', f(entries[b]) ?? '');
  const order = Array.from(entries.keys()).sort((a, b) => {
    const c = compare(keys[a], keys[b]) || field(by.from, a, b) || field(by.to, a, b);
    if (c !== 0) return c;
    for (const f of by.rest) {
      const r = field(f, a, b);
      if (r !== 0) return r;
    }
    return 0;
  });
  const ids = new Ids();
  for (const i of order) {
    const entry = entries[i];
    yield { row: rowOf(entry), id: ids.next(keys[i], by.from(entry), by.to(entry)) };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const itself = <T>(row: T) => row;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** What may need work in a value: XML's special characters, and those it cannot carry (surrogates are checked pairwise after). */
const SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Text content, escaped; a character XML cannot carry at all is refused rather than written ill-formed. */
export function escapeXml(text: string): string {
  // One character-class test per value: this runs for every field of a million entries.
  if (!SPECIAL.test(text)) return text;
  const c = forbiddenCharacter(text, 'xml');
  if (c) throw new UnencodableValue(`the VP cache cannot hold "${visible(text)}": ${c} is not allowed in XML; correct the declaration (tak validate points at it)`);
  return text.replace(/[&<>]/g, (ch) => ENTITIES[ch]);
}
