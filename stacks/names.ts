/**
 * Kubernetes names and host names. An HSA-id becomes a DNS-1123 label: lower-cased, anything but
 * letters, digits and '-' replaced by '-', and, when too long, cut and given a hash of the whole
 * HSA-id so that two long ids that share a beginning still get different names.
 */
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** The longest DNS-1123 label, which every object name and label value here must fit in. */
export const MAX_LABEL = 63;

export function kubeName(id: string, prefix = '', max = MAX_LABEL): string {
  const room = max - prefix.length;
  let name = id
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name.length > room || name === '') {
    const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
    name = `${name.slice(0, room - hash.length - 1).replace(/-+$/, '')}-${hash}`.replace(/^-/, '');
  }
  return `${prefix}${name}`;
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why `host` cannot be the platform's Ingress host, or undefined when it can: lower-case DNS labels
 * separated by dots, at most 253 characters, and not an IP address (an Ingress refuses those).
 */
export function hostProblem(host: string): string | undefined {
  if (ipaddr.isValid(host)) return 'is an IP address; the Ingress needs a DNS name';
  if (host.length > 253 || !host.split('.').every((label) => DNS_LABEL.test(label))) {
    return 'is not a valid DNS name (lower-case letters, digits and "-" in dot-separated labels of at most 63 characters)';
  }
  return undefined;
}

/** Why `namespace` cannot be a Kubernetes namespace, or undefined when it can. */
export function namespaceProblem(namespace: string): string | undefined {
  return DNS_LABEL.test(namespace) ? undefined : 'is not a valid namespace name (a DNS label: lower-case letters, digits and "-", at most 63 characters)';
}
