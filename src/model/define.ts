/**
 * Typed helpers for declarations written in TypeScript. A `.ts` file under `config/` or
 * `environments/` default-exports the result of one of these; the loader validates it with the
 * same schema as YAML, so the helpers only give the author types and completion.
 */
import type {
  ConnectionInput,
  EnvironmentInput,
  LogicalAddressCatalogInput,
  ServiceDomainInput,
  SystemInput,
  TrustedCasInput,
} from './schemas';

export const defineSystem = (system: SystemInput): SystemInput => system;
export const defineServiceDomain = (domain: ServiceDomainInput): ServiceDomainInput => domain;
export const defineLogicalAddresses = (catalog: LogicalAddressCatalogInput): LogicalAddressCatalogInput => catalog;
export const defineTrustedCas = (cas: TrustedCasInput): TrustedCasInput => cas;
export const defineEnvironment = (environment: EnvironmentInput): EnvironmentInput => environment;
export const defineConnection = (connection: ConnectionInput): ConnectionInput => connection;
