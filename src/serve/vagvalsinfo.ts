/**
 * SokVagvalsInfo v2 (SOAP 1.1, document/literal; the catalog's service that the VP loads its routing
 * and authorizations from): the four operations of `schemas/vagvalsinfo-2.0/`, read from a request
 * envelope and answered as a stream of chunks. Routing and authorization elements are the VP cache
 * writer's own (src/formats/vp-cache), qualified here as the response type requires.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chunked, lazyMap } from '../formats/chunks';
import { writePeriod } from '../formats/vp-cache/dates';
import { VAGVALSINFO_NS } from '../formats/vp-cache/types';
import { authorizationXml, escapeXml, routingXml, type InfoElements } from '../formats/vp-cache/write';
import type { ComponentInfo, Snapshot } from './snapshot';

export const OPERATIONS = ['hamtaAllaVirtualiseringar', 'hamtaAllaAnropsBehorigheter', 'hamtaAllaTjanstekontrakt', 'hamtaAllaTjanstekomponenter'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

/** A SOAP 1.1 fault: `Client` for a request that is wrong, `VersionMismatch` for another envelope version, `Server` for ours. */
export class SoapFault extends Error {
  constructor(
    readonly code: 'Client' | 'Server' | 'VersionMismatch',
    message: string,
  ) {
    super(message);
  }
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The operation a request envelope asks for, or a fault that says what is wrong with it. */
export function readSoapRequest(body: string, contentType: string | undefined): Operation {
  if (/^\s*application\/soap\+xml/i.test(contentType ?? '')) {
    throw new SoapFault('VersionMismatch', 'this is a SOAP 1.2 request (application/soap+xml); SokVagvalsInfo v2 speaks SOAP 1.1: send text/xml with a SOAP 1.1 envelope');
  }
  if (/<!DOCTYPE/i.test(body)) throw new SoapFault('Client', 'a document type declaration is not allowed in a SOAP message');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new SoapFault('Client', `the request is not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const doc = parser.parse(body) as Node;
  const [envelopeName] = elementNames(doc);
  const envelope = doc[envelopeName] as Node;
  if (!envelopeName || localName(envelopeName) !== 'Envelope') throw new SoapFault('Client', `the root element is ${envelopeName ?? 'missing'}, not a SOAP Envelope`);
  const scope = declarations({}, envelope);
  const envelopeNs = namespaceOf(envelopeName, scope);
  if (envelopeNs === SOAP12_NS) {
    throw new SoapFault('VersionMismatch', `the envelope is SOAP 1.2 (${SOAP12_NS}); SokVagvalsInfo v2 speaks SOAP 1.1 (${SOAP11_NS})`);
  }
  if (envelopeNs !== SOAP11_NS) throw new SoapFault('VersionMismatch', `the envelope's namespace is ${envelopeNs ?? 'missing'}, not SOAP 1.1's ${SOAP11_NS}`);
  const bodyName = elementNames(envelope).find((n) => localName(n) === 'Body' && namespaceOf(n, scope) === SOAP11_NS);
  if (!bodyName) throw new SoapFault('Client', 'the envelope has no SOAP Body');
  const bodyNode = one(envelope[bodyName], 'Body');
  const bodyScope = declarations(scope, bodyNode);
  const [operationName, ...more] = elementNames(bodyNode);
  if (!operationName) throw new SoapFault('Client', `the SOAP Body is empty; name one of the operations: ${OPERATIONS.join(', ')}`);
  if (more.length) throw new SoapFault('Client', 'the SOAP Body holds more than one element; send one operation per request');
  const operationNs = namespaceOf(operationName, declarations(bodyScope, one(bodyNode[operationName], operationName)));
  const operation = OPERATIONS.find((o) => o === localName(operationName));
  if (!operation) throw new SoapFault('Client', `unknown operation ${localName(operationName)}; SokVagvalsInfo v2 has ${OPERATIONS.join(', ')}`);
  if (operationNs !== VAGVALSINFO_NS) throw new SoapFault('Client', `${operation} must be in the namespace ${VAGVALSINFO_NS}, not ${operationNs ?? 'none'}`);
  return operation;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const elementNames = (node: Node | string | undefined) =>
  node && typeof node === 'object' ? Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text') : [];

function one(value: unknown, name: string): Node {
  if (Array.isArray(value)) throw new SoapFault('Client', `${localName(name)} appears more than once`);
  return value && typeof value === 'object' ? (value as Node) : {};
}

/** The namespace declarations in scope after `node`'s own (`''` is the default namespace). */
function declarations(outer: Record<string, string>, node: Node): Record<string, string> {
  const scope = { ...outer };
  for (const [key, value] of Object.entries(node)) {
    if (key === '@xmlns') scope[''] = String(value);
    else if (key.startsWith('@xmlns:')) scope[key.slice('@xmlns:'.length)] = String(value);
  }
  return scope;
}

function namespaceOf(name: string, scope: Record<string, string>): string | undefined {
  const cut = name.indexOf(':');
  return scope[cut < 0 ? '' : name.slice(0, cut)];
}

const SOAP_ELEMENTS: InfoElements = {
  routing: { open: 'ns2:virtualiseringsInfo', close: 'ns2:virtualiseringsInfo' },
  authorization: { open: 'ns2:anropsBehorighetsInfo', close: 'ns2:anropsBehorighetsInfo' },
};

const envelopeStart = (operation: Operation) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><ns2:${operation}Response xmlns:ns2="${VAGVALSINFO_NS}">`;
const envelopeEnd = (operation: Operation) => `\n</ns2:${operation}Response></soap:Body></soap:Envelope>\n`;

/** The response document of `operation` over `snapshot`, in chunks of about `chunkSize` characters. */
export function soapResponse(operation: Operation, snapshot: Snapshot, chunkSize = 1 << 16): Generator<string> {
  return chunked([[envelopeStart(operation)], responseElements(operation, snapshot), [envelopeEnd(operation)]], chunkSize);
}

function responseElements(operation: Operation, snapshot: Snapshot): Iterable<string> {
  switch (operation) {
    case 'hamtaAllaVirtualiseringar':
      return lazyMap(snapshot.routing, (e) => routingXml(e, SOAP_ELEMENTS));
    case 'hamtaAllaAnropsBehorigheter':
      return lazyMap(snapshot.authorizations, (e) => authorizationXml(e, SOAP_ELEMENTS));
    case 'hamtaAllaTjanstekontrakt':
      return lazyMap(snapshot.contracts, (c) =>
        element('tjanstekontraktInfo', 1, [
          ['namnrymd', c.namespace],
          ['majorVersion', String(c.major)],
          ['minorVersion', String(c.minor)],
          ['beskrivning', c.description],
        ]),
      );
    case 'hamtaAllaTjanstekomponenter':
      return lazyMap(snapshot.components(), componentXml);
  }
}

type Field = [string, string];

/** `<ns2:name>` with text fields (and nested elements), indented at `depth`. */
function element(name: string, depth: number, fields: Field[], nested = ''): string {
  const pad = '\n' + '  '.repeat(depth);
  return `${pad}<ns2:${name}>${fields.map(([f, v]) => `${pad}  <ns2:${f}>${escapeXml(v)}</ns2:${f}>`).join('')}${nested}${pad}</ns2:${name}>`;
}

function componentXml(c: ComponentInfo): string {
  const addresses = c.callAddresses
    .map((a) =>
      element(
        'anropsAdressInfo',
        2,
        [
          ['adress', a.url],
          ['rivtaProfilNamn', a.profile],
        ],
        a.routing.map((r) => element('vagvalsInfo', 3, [...period(r.from, r.to), ['tjanstekontraktNamnrymd', r.contract], ['logiskAdressHsaId', r.logicalAddress], ['logiskAdressBeskrivning', r.logicalAddressDescription]])).join(''),
      ),
    )
    .join('');
  const authorizations = c.authorizations
    .map((a) =>
      element('anropsbehorighetInfo', 2, [
        ...period(a.from, a.to),
        ['integrationsavtal', a.integrationAgreement],
        ['tjanstekontraktNamnrymd', a.contract],
        ['logiskAdressHsaId', a.logicalAddress],
        ['logiskAdressBeskrivning', a.logicalAddressDescription],
      ]),
    )
    .join('');
  return element(
    'tjanstekomponentInfo',
    1,
    [
      ['hsaId', c.hsaId],
      ['beskrivning', c.description],
    ],
    addresses + authorizations,
  );
}

function period(from: string | undefined, to: string | undefined): Field[] {
  const [start, end] = writePeriod(from, to);
  return [
    ['fromTidpunkt', start],
    ['tomTidpunkt', end],
  ];
}

/** A SOAP 1.1 fault envelope (sent with HTTP 500, as the SOAP 1.1 HTTP binding requires). */
export function soapFault(fault: SoapFault): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><soap:Fault>` +
    `<faultcode>soap:${fault.code}</faultcode><faultstring>${escapeXml(fault.message)}</faultstring>` +
    '</soap:Fault></soap:Body></soap:Envelope>\n'
  );
}
