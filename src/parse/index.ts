import type { z } from 'zod';
import type { Diagnostic } from '../model/diagnostics';
import type { PrivateKeyFile } from '../model/state';
import type * as s from '../model/schemas';
import type { FileKind } from '../load/layout';
import type { LoadedFile, LoadResult } from '../load';
import type { Locator } from '../load/locator';
import { describeIssue } from './issues';
import { precheck } from '../model/precheck';

/** A validated declaration together with the file it came from. */
export interface Declared<T> {
  value: T;
  file: string;
  env?: string;
  locator: Locator;
}

export interface Declarations {
  systems: Declared<s.SystemDecl>[];
  serviceDomains: Declared<s.ServiceDomainDecl>[];
  logicalAddressCatalogs: Declared<z.output<typeof s.logicalAddressCatalogSchema>>[];
  trustedCas: Declared<z.output<typeof s.trustedCasSchema>>[];
  platform: Declared<s.PlatformDecl>[];
  environments: Declared<s.EnvironmentDecl>[];
  connections: Declared<s.ConnectionDecl>[];
  assets: Map<string, Buffer>;
  privateKeys: PrivateKeyFile[];
  diagnostics: Diagnostic[];
}

let loaded: typeof s.declarationSchemas | undefined;

/**
 * The schema of each kind of file, loaded when a file first needs zod: when every file comes
 * validated from the parse cache or passes the precheck, the run never loads the schema library.
 */
function schemas(): typeof s.declarationSchemas {
  return (loaded ??= (require('../model/schemas') as typeof s).declarationSchemas);
}

const listOf: Record<FileKind, keyof Omit<Declarations, 'assets' | 'privateKeys' | 'diagnostics'>> = {
  system: 'systems',
  'service-domain': 'serviceDomains',
  'logical-addresses': 'logicalAddressCatalogs',
  'trusted-cas': 'trustedCas',
  platform: 'platform',
  environment: 'environments',
  connection: 'connections',
};

/** Validates each loaded file against the schema its place calls for. */
export function parseDeclarations(loaded: LoadResult): Declarations {
  const out: Declarations = {
    systems: [],
    serviceDomains: [],
    logicalAddressCatalogs: [],
    trustedCas: [],
    platform: [],
    environments: [],
    connections: [],
    assets: loaded.assets,
    privateKeys: loaded.privateKeys,
    diagnostics: [...loaded.diagnostics],
  };
  for (const file of loaded.files) parseFile(file, out);
  return out;
}

/**
 * Schema results by the loaded value they came from. The loader hands out one value object per
 * file content (its parse cache), so when a plan reads both sides of a change, each unchanged file
 * is validated once and both sides hold the same declaration: the diff then knows it unchanged by
 * identity. Values are never changed after loading, so the result holds as long as the value lives.
 */
const validated = new WeakMap<object, ReturnType<(typeof s.declarationSchemas)[FileKind]['safeParse']>>();

function validate(file: LoadedFile) {
  const value = file.value;
  if (typeof value !== 'object' || value === null) return schemas()[file.kind].safeParse(value, { reportInput: true });
  let result = validated.get(value);
  if (!result) {
    // A value the parse cache kept as validated by an earlier run, or one the precheck accepts, is its own declaration.
    const accepted = file.validated || precheck(file.kind, value);
    result = accepted ? { success: true, data: value as never } : schemas()[file.kind].safeParse(value, { reportInput: true });
    validated.set(value, result);
  }
  return result;
}

/** The declaration a loaded value validated to in this run, if it did: what the parse cache keeps. */
export function declarationOf(value: unknown): unknown {
  const result = typeof value === 'object' && value !== null ? validated.get(value) : undefined;
  return result?.success ? result.data : undefined;
}

function parseFile(file: LoadedFile, out: Declarations): void {
  const result = validate(file);
  if (!result.success) {
    const entity = entityOf(file);
    for (const issue of result.error.issues) out.diagnostics.push(describeIssue(issue, file, entity));
    return;
  }
  const declared = { value: result.data, file: file.path, env: file.env, locator: file.locator };
  (out[listOf[file.kind]] as Declared<unknown>[]).push(declared);
}

/** The name a person would use for what the file declares, for messages. */
function entityOf(file: LoadedFile): string | undefined {
  const value = file.value as Record<string, unknown> | undefined;
  const key = value && typeof value === 'object' ? (value.hsaId ?? value.domain ?? value.name) : undefined;
  return typeof key === 'string' ? key : undefined;
}
