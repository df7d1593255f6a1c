/**
 * Where each kind of declaration lives. The place decides the schema, so a file needs no
 * `kind:` header and cannot be read as the wrong thing.
 */
export type FileKind = 'system' | 'service-domain' | 'logical-addresses' | 'trusted-cas' | 'platform' | 'environment' | 'connection';

export interface Placement {
  kind: FileKind;
  /** The environment a file under `environments/<env>/` belongs to. */
  env?: string;
}

const DECLARATION = /\.(ya?ml|ts)$/;

export function isDeclarationFile(file: string): boolean {
  return DECLARATION.test(file) && !file.endsWith('.d.ts');
}

/**
 * A file in a hidden folder, or hidden itself (`environments/.copy/`, an editor's `.#forms.yaml`),
 * declares nothing: a copied environment folder must not become another environment. The
 * private-key scan still reads it.
 */
export function isHidden(file: string): boolean {
  return file.split('/').some((part) => part.startsWith('.'));
}

/** The kind of a declaration file, or a hint for the author when it is in no known place. */
export function placementOf(file: string): Placement | { hint: string } {
  const parts = file.split('/');
  const base = parts[parts.length - 1].replace(DECLARATION, '');
  if (parts[0] === 'environments') {
    if (parts.length < 3) return { hint: 'environment files belong in environments/<env>/' };
    const env = parts[1];
    if (parts.length === 3 && base === 'environment') return { kind: 'environment', env };
    return { kind: 'connection', env };
  }
  if (parts.length === 2 && base === 'trusted-cas') return { kind: 'trusted-cas' };
  if (parts.length === 2 && base === 'platform') return { kind: 'platform' };
  const folders: Record<string, FileKind> = {
    systems: 'system',
    'service-domains': 'service-domain',
    'logical-addresses': 'logical-addresses',
  };
  const kind = parts.length > 2 ? folders[parts[1]] : undefined;
  if (kind) return { kind };
  return {
    hint: 'is not in a known place: use config/systems/, config/service-domains/, config/logical-addresses/, config/trusted-cas.yaml or config/platform.yaml',
  };
}
