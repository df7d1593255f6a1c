/**
 * The certificate files an environment relies on: the systems' function certificates for it and
 * the CAs it trusts, each with the line that names it and its parsed content. Paths are relative to
 * the folder of the declaring file (`certs/x.pem` from `config/systems/x.yaml`, `cas/x.pem` from
 * `config/trusted-cas.yaml`).
 */
import type { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import { commonName, readCertificateFile, type CertificateFile } from '../certs/read';
import type { Location } from '../model/diagnostics';
import type { EnvironmentState, System, TrustedCa } from '../model/state';
import { Listed } from '../resolve/listed';

export interface CertificateUse {
  /** For messages: `certificate certs/x.pem of system Journal (SE…) in qa`. */
  label: string;
  owner: { system: System } | { ca: TrustedCa };
  /** Repository path of the file. */
  path: string;
  location: Location;
  /** What a suppression names: the system's HSA-id or the CA's name. */
  entity: string;
  /** Absent when no such file is in the repository. */
  file?: CertificateFile;
  /** The path leaves the repository (absolute, or `..` past its root): such files are never read. */
  outside?: boolean;
}

const uses = new WeakMap<EnvironmentState, CertificateUse[]>();

export function resolveFrom(declaringFile: string, ref: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(declaringFile), ref));
}

/** Whether `ref`, named in `declaringFile`, points outside the repository. */
export function leavesRepository(declaringFile: string, ref: string): boolean {
  const resolved = resolveFrom(declaringFile, ref);
  return path.posix.isAbsolute(ref) || path.win32.isAbsolute(ref) || resolved === '..' || resolved.startsWith('../');
}

/** Every certificate file the environment uses, systems' first, then trusted CAs. */
export function certificateUses(state: EnvironmentState): CertificateUse[] {
  let list = uses.get(state);
  if (!list) {
    list = [...systemCertificates(state), ...trustedCaCertificates(state)];
    uses.set(state, list);
  }
  return list;
}

function systemCertificates(state: EnvironmentState): CertificateUse[] {
  return state.catalog.systems.flatMap((system) => (system.decl.environments[state.name]?.certificates ?? []).map((ref, i) => new SystemCertificate(state, system, ref, i)));
}

/** A certificate a system names for an environment; its line is found when a finding asks for it. */
class SystemCertificate extends Listed implements CertificateUse {
  declare readonly label: string;
  declare readonly owner: { system: System };
  declare readonly path: string;
  declare readonly entity: string;
  declare readonly file?: CertificateFile;
  declare readonly outside?: boolean;

  constructor(state: EnvironmentState, system: System, ref: string, i: number) {
    super(system.locator, ['environments', state.name, 'certificates'], i);
    this.label = `certificate ${ref} of system ${system.decl.name} (${system.hsaId}) in ${state.name}`;
    this.owner = { system };
    this.path = resolveFrom(system.file, ref);
    this.entity = system.hsaId;
    const bytes = state.catalog.assets.get(this.path);
    this.file = bytes && readCertificateFile(bytes);
    this.outside = leavesRepository(system.file, ref);
  }
}

/** The CAs trusted in this environment. */
export function trustedCaCertificates(state: EnvironmentState): CertificateUse[] {
  return state.catalog.trustedCas
    .filter((ca) => ca.decl.environments.includes(state.name))
    .map((ca) => caUse(state, ca));
}

/** Every CA of the repository, whichever environment trusts it (to say which one a certificate came from). */
export function allCaCertificates(state: EnvironmentState): CertificateUse[] {
  return state.catalog.trustedCas.map((ca) => caUse(state, ca));
}

function caUse(state: EnvironmentState, ca: TrustedCa): CertificateUse {
  const file = resolveFrom(ca.location.file, ca.decl.file);
  const bytes = state.catalog.assets.get(file);
  return {
    label: `trusted CA ${ca.decl.name} (${ca.decl.file})`,
    owner: { ca },
    path: file,
    location: ca.location,
    entity: ca.decl.name,
    file: bytes && readCertificateFile(bytes),
    outside: leavesRepository(ca.location.file, ca.decl.file),
  };
}

/** A test CA, by its declaration or by its name (real ones are called e.g. "TEST SITHS e-id Function CA v1"). */
export function isTestCa(ca: TrustedCa): boolean {
  return ca.decl.test || /\btest\b/i.test(ca.decl.name);
}

/** Every certificate in the files the environment uses, labelled by its subject when a file holds a bundle. */
export function eachCertificate(state: EnvironmentState): { use: CertificateUse; cert: X509Certificate; label: string }[] {
  return certificateUses(state).flatMap((use) => {
    const certs = use.file?.certificates ?? [];
    return certs.map((cert) => ({ use, cert, label: certs.length > 1 ? `${use.label} (${commonName(cert)})` : use.label }));
  });
}
