/**
 * The rule pack: which rules run, at which level per stage, with the one-line explanation that
 * `tak rules`, the reports and policies/RULES.md show. A rule's id is its file name.
 */
import type { Level, RuleSpec } from '../src/check/types';
import authorizationUnique from './authorization-unique';
import contractInstalled from './contract-installed';
import entityUnique from './entity-unique';
import hsaIdSyntax from './hsa-id-syntax';
import namespaceSyntax from './namespace-syntax';
import referenceExists from './reference-exists';
import routingUnique from './routing-unique';
import schema from './schema';
import urlSyntax from './url-syntax';

const everywhere = (level: Level) => ({ test: level, qa: level, prod: level });

export const pack: readonly RuleSpec[] = [
  { id: 'schema', rule: schema, levels: everywhere('error'), explanation: 'Declaration files can be read, parse as YAML or TypeScript and match their schema.' },
  { id: 'reference-exists', rule: referenceExists, levels: everywhere('error'), explanation: 'Every system, service contract, logical address, RIV-TA profile and environment named is declared.' },
  { id: 'contract-installed', rule: contractInstalled, levels: everywhere('error'), explanation: 'A contract is routed or authorized only where it is installed.' },
  { id: 'hsa-id-syntax', rule: hsaIdSyntax, levels: everywhere('error'), explanation: 'HSA-ids of systems and logical addresses use only the characters the platform accepts.' },
  { id: 'namespace-syntax', rule: namespaceSyntax, levels: everywhere('error'), explanation: 'Service contract namespaces use only the characters the platform accepts.' },
  { id: 'url-syntax', rule: urlSyntax, levels: everywhere('error'), explanation: 'Producer endpoint URLs are http(s) URLs the platform accepts (characters, 5 to 255 long).' },
  { id: 'routing-unique', rule: routingUnique, levels: everywhere('error'), explanation: 'At most one routing entry per (contract, logical address) at any time, across all files (else VP006).' },
  { id: 'authorization-unique', rule: authorizationUnique, levels: everywhere('error'), explanation: 'No two authorizations for the same (consumer, contract, logical address) overlap in time.' },
  { id: 'entity-unique', rule: entityUnique, levels: everywhere('error'), explanation: 'A system, contract, logical address, service domain or trusted CA is declared once.' },
];
