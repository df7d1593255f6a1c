/**
 * The Secret with the environment's trusted CA bundle (`ca.crt`, what ingress-nginx verifies client
 * certificates against). Only the certificates are taken from the CA files, re-encoded as PEM, so
 * whatever else a file holds never reaches the cluster.
 */
import * as path from 'node:path';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { readCertificateFile } from '../src/certs/read';
import type { EnvironmentState } from '../src/model/state';
import { NAME } from './conventions';
import { metadata, type Scope } from './objects';
import type { Problem } from './problems';

export function trustedCaSecret(scope: Scope, state: EnvironmentState): { secret?: ISecret; problems: Problem[] } {
  const problems: Problem[] = [];
  const pems = new Map<string, string>();
  for (const ca of state.catalog.trustedCas.filter((c) => c.decl.environments.includes(state.name))) {
    const file = path.posix.join(path.posix.dirname(ca.location.file), ca.decl.file);
    const bytes = state.catalog.assets.get(file);
    const read = bytes ? readCertificateFile(bytes) : undefined;
    if (!read || read.certificates.length === 0) {
      const why = read ? read.problem : `${file} does not exist`;
      problems.push({ message: `trusted CA "${ca.decl.name}": ${why}; add its public certificate (PEM)`, location: ca.location, entity: ca.decl.name });
      continue;
    }
    for (const cert of read.certificates) pems.set(cert.fingerprint256, cert.toString());
  }
  if (pems.size === 0 && problems.length === 0) {
    problems.push({
      message: `no trusted CA is declared for environment ${state.name}; the platform would accept no client certificate (add one in config/trusted-cas.yaml)`,
      location: state.location,
    });
  }
  if (problems.length > 0) return { problems };
  const bundle = [...pems.values()].map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join('');
  return {
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(scope, NAME.trustedCas, 'trusted-cas'),
      type: 'Opaque',
      data: { 'ca.crt': Buffer.from(bundle).toString('base64') },
    },
    problems,
  };
}
