/**
 * The Ingress in front of the platform: TLS with client-certificate verification against the
 * environment's trusted CAs (ingress-nginx `auth-tls-*`), the verified certificate passed on to the
 * VP, and a source allowlist of the authorized consumers' declared addresses.
 *
 * The certificate reaches the VP in ingress-nginx's standard `ssl-client-cert` header (URL-encoded
 * PEM, from `auth-tls-pass-certificate-to-upstream`); no configuration snippet is used, because
 * snippets are disabled by default in ingress-nginx and are an injection risk (docs/synth.md).
 */
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { EnvironmentState } from '../src/model/state';
import { INGRESS_CONTROLLER, NAME, PLATFORM_SERVICE, VERIFY_DEPTH } from './conventions';
import { metadata, type Scope } from './objects';
import { authorizedConsumers, cidrs } from './parties';
import type { Problem } from './problems';

const NGINX = 'nginx.ingress.kubernetes.io';

export interface IngressResult {
  ingress?: IIngress;
  notes: string[];
  problems: Problem[];
}

/** `refused`: consumers (natural keys) with error-level findings, left out of the allowlist. */
export function platformIngress(scope: Scope, state: EnvironmentState, host: string, refused: ReadonlySet<string> = new Set()): IngressResult {
  const notes: string[] = [];
  const problems: Problem[] = [];
  const allow = new Set<string>();
  for (const consumer of authorizedConsumers(state)) {
    if (consumer.system && refused.has(consumer.system.key)) {
      notes.push(`${state.name}: consumer ${consumer.hsaId} has error-level findings (tak validate), so the ingress does not let it in`);
      continue;
    }
    const declared = consumer.system?.decl.environments[state.name]?.sourceAddresses ?? [];
    if (!consumer.system || declared.length === 0) {
      notes.push(`${state.name}: consumer ${consumer.hsaId} declares no source addresses here, so the ingress does not let it in`);
      continue;
    }
    for (const cidr of cidrs(consumer.system, state.name, ['sourceAddresses'], declared, problems)) allow.add(cidr);
  }
  if (allow.size === 0) {
    notes.push(`${state.name}: no authorized consumer declares a source address, so no Ingress is written (no one could pass it)`);
    return { notes, problems };
  }
  const ingress: IIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(scope, NAME.ingress, 'ingress', {
      annotations: {
        [`${NGINX}/auth-tls-secret`]: `${scope.namespace}/${NAME.trustedCas}`,
        [`${NGINX}/auth-tls-verify-client`]: 'on',
        [`${NGINX}/auth-tls-verify-depth`]: String(VERIFY_DEPTH),
        [`${NGINX}/auth-tls-pass-certificate-to-upstream`]: 'true',
        [`${NGINX}/whitelist-source-range`]: [...allow].sort().join(','),
      },
    }),
    spec: {
      ingressClassName: INGRESS_CONTROLLER.className,
      tls: [{ hosts: [host], secretName: NAME.serverTls }],
      rules: [
        {
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: PLATFORM_SERVICE.name, port: { number: PLATFORM_SERVICE.port } } },
              },
            ],
          },
        },
      ],
    },
  };
  return { ingress, notes, problems };
}
