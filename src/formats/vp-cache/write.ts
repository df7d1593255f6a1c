/**
 * Writes the VP's local TAK cache (`persistentCache`, the file the VP falls back on when the TAK is
 * unreachable) exactly as the VP's JAXB writer does: the `ns2` prefix, the redundant namespace
 * declaration on each virtualiseringsInfo, two-space indentation, no trailing newline.
 * Entries are sorted by natural key so that the same declarations give the same bytes, and their
 * ids are derived from the entry itself, so they are stable across runs.
 */
import { createHash } from 'node:crypto';
import type { AuthorizationRow, RoutingRow, TakTables } from '../tak/tables';
import { authorizationKey, routingKey } from '../tak/tables';
import { writePeriod } from './dates';
import { VAGVALSINFO_NS } from './types';

const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<persistentCache xmlns:ns2="${VAGVALSINFO_NS}">`;
const FOOTER = '\n</persistentCache>';

type Rows = Pick<TakTables, 'routing' | 'authorizations'>;

/** The whole document as one string (for exports and small environments). */
export function writeVpCache(tables: Rows): string {
  return [...vpCacheChunks(tables)].join('');
}

/**
 * The document in pieces of about `chunkSize` characters, so that a prod-sized cache can be
 * hashed and compressed without ever being one string (V8 strings stop at 512 MiB).
 */
export function* vpCacheChunks(tables: Rows, chunkSize = 1 << 20): Generator<string> {
  let buffer = HEADER;
  const ids = new Ids();
  for (const row of sorted(tables.routing, routingSortKey)) {
    buffer += routingXml(row, ids.next(routingKey(row), row.from, row.to));
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  for (const row of sorted(tables.authorizations, authorizationSortKey)) {
    buffer += authorizationXml(row, ids.next(authorizationKey(row), row.from, row.to));
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + FOOTER;
}

function routingXml(r: RoutingRow, id: string): string {
  const [from, to] = writePeriod(r.from, r.to);
  return (
    `\n  <virtualiseringsInfo xmlns:ns2="${VAGVALSINFO_NS}">` +
    `\n    <ns2:virtualiseringsInfoId>${id}</ns2:virtualiseringsInfoId>` +
    `\n    <ns2:receiverId>${escape(r.logicalAddress)}</ns2:receiverId>` +
    `\n    <ns2:rivProfil>${escape(r.profile)}</ns2:rivProfil>` +
    `\n    <ns2:tjansteKontrakt>${escape(r.contract)}</ns2:tjansteKontrakt>` +
    `\n    <ns2:fromTidpunkt>${from}</ns2:fromTidpunkt>` +
    `\n    <ns2:tomTidpunkt>${to}</ns2:tomTidpunkt>` +
    `\n    <ns2:adress>${escape(r.url)}</ns2:adress>` +
    '\n  </virtualiseringsInfo>'
  );
}

function authorizationXml(a: AuthorizationRow, id: string): string {
  const [from, to] = writePeriod(a.from, a.to);
  const filters = a.filters
    .map(
      (f) =>
        '\n    <ns2:filterInfo>' +
        `\n      <ns2:serviceDomain>${escape(f.serviceDomain)}</ns2:serviceDomain>` +
        f.categorizations.map((c) => `\n      <ns2:categorization>${escape(c)}</ns2:categorization>`).join('') +
        '\n    </ns2:filterInfo>',
    )
    .join('');
  return (
    '\n  <anropsBehorighetsInfo>' +
    `\n    <ns2:anropsBehorighetsInfoId>${id}</ns2:anropsBehorighetsInfoId>` +
    `\n    <ns2:receiverId>${escape(a.logicalAddress)}</ns2:receiverId>` +
    `\n    <ns2:senderId>${escape(a.consumer)}</ns2:senderId>` +
    `\n    <ns2:tjansteKontrakt>${escape(a.contract)}</ns2:tjansteKontrakt>` +
    `\n    <ns2:fromTidpunkt>${from}</ns2:fromTidpunkt>` +
    `\n    <ns2:tomTidpunkt>${to}</ns2:tomTidpunkt>` +
    filters +
    '\n  </anropsBehorighetsInfo>'
  );
}

/**
 * Ids from a hash of the natural key and period: the same entry keeps its id from run to run and
 * whatever else changes. A repeated entry (the same key and period twice, which the integrity
 * rules report) gets a numbered suffix, so ids stay unique within the document.
 */
class Ids {
  private readonly used = new Set<string>();

  next(key: string, from = '', to = ''): string {
    const base = createHash('sha1').update(`${key}|${from}|${to}`).digest('hex').slice(0, 16);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

const routingSortKey = (r: RoutingRow) => `${routingKey(r)}\u0000${r.from ?? ''}\u0000${r.to ?? ''}\u0000${r.url}\u0000${r.profile}`;
const authorizationSortKey = (a: AuthorizationRow) => `${authorizationKey(a)}\u0000${a.from ?? ''}\u0000${a.to ?? ''}`;

/** Sorted by a precomputed string key (code-unit order, the same on every machine). */
function sorted<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escape(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => ENTITIES[c]) : text;
}
