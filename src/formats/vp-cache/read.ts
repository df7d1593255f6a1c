/**
 * Reads a VP cache file (`persistentCache`) back into its entries: ours, or one the VP itself
 * persisted. Namespace prefixes are ignored (JAXB may choose other prefixes); values stay strings
 * (a logical address such as `01` must not become a number).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readPeriod } from './dates';
import type { VpAuthorization, VpCache, VpRouting } from './types';

type Element = Record<string, unknown>;

const REPEATED = new Set(['virtualiseringsInfo', 'anropsBehorighetsInfo', 'filterInfo', 'categorization']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** Thrown for a document that is not a VP cache, with the line where it goes wrong when known. */
export class VpCacheError extends Error {}

export function readVpCache(xml: string): VpCache {
  const root = parseWellFormed(xml).persistentCache as Element | '' | undefined;
  if (root === undefined) throw new VpCacheError('not a VP cache: the root element must be persistentCache');
  return entries(root);
}

const RESPONSES = ['hamtaAllaVirtualiseringarResponse', 'hamtaAllaAnropsBehorigheterResponse'];

/**
 * Reads what the VP reads from the catalog: a SokVagvalsInfo v2 response (a SOAP 1.1 envelope
 * around hamtaAllaVirtualiseringarResponse or hamtaAllaAnropsBehorigheterResponse).
 */
export function readVagvalsInfoResponse(xml: string): VpCache {
  const body = (parseWellFormed(xml).Envelope as Element | undefined)?.Body as Element | undefined;
  if (!body) throw new VpCacheError('not a SOAP envelope: Envelope/Body is missing');
  const name = RESPONSES.find((n) => n in body);
  if (!name) throw new VpCacheError(`the SOAP body holds none of ${RESPONSES.join(', ')}`);
  return entries(body[name] as Element | '');
}

function parseWellFormed(xml: string): Element {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new VpCacheError(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  return parser.parse(xml) as Element;
}

function entries(root: Element | ''): VpCache {
  const cache = root === '' ? {} : root;
  return {
    routing: list(cache.virtualiseringsInfo).map((e, i) => readRouting(e, i)),
    authorizations: list(cache.anropsBehorighetsInfo).map((e, i) => readAuthorization(e, i)),
  };
}

function readRouting(e: Element, index: number): VpRouting {
  const at = `virtualiseringsInfo #${index + 1}`;
  return {
    id: field(e, 'virtualiseringsInfoId', at),
    logicalAddress: field(e, 'receiverId', at),
    profile: field(e, 'rivProfil', at),
    contract: field(e, 'tjansteKontrakt', at),
    ...period(e, at),
    url: field(e, 'adress', at),
  };
}

function readAuthorization(e: Element, index: number): VpAuthorization {
  const at = `anropsBehorighetsInfo #${index + 1}`;
  return {
    id: field(e, 'anropsBehorighetsInfoId', at),
    logicalAddress: field(e, 'receiverId', at),
    consumer: field(e, 'senderId', at),
    contract: field(e, 'tjansteKontrakt', at),
    ...period(e, at),
    filters: list(e.filterInfo).map((f) => ({
      serviceDomain: field(f, 'serviceDomain', `${at} filterInfo`),
      categorizations: list(f.categorization).map(String),
    })),
  };
}

function period(e: Element, at: string): { from?: string; to?: string } {
  const from = field(e, 'fromTidpunkt', at);
  const to = field(e, 'tomTidpunkt', at);
  try {
    const p = readPeriod(from, to);
    return { ...(p.from !== undefined && { from: p.from }), ...(p.to !== undefined && { to: p.to }) };
  } catch (error) {
    throw new VpCacheError(`${at}: ${(error as Error).message}`);
  }
}

function field(e: Element, name: string, at: string): string {
  const value = e[name];
  if (typeof value !== 'string' || value === '') throw new VpCacheError(`${at} has no ${name}`);
  return value;
}

function list(value: unknown): Element[] {
  return Array.isArray(value) ? (value as Element[]) : [];
}
