/**
 * The plain objects as YAML manifests for GitOps controllers (Argo CD, Flux): one file per object
 * and a kustomization.yaml listing them. Keys are sorted and nothing depends on time or place, so
 * the same declarations give the same bytes.
 */
import { stringify } from 'yaml';
import type { KubeObject } from './objects';

/** File name -> content. */
export function renderManifests(objects: KubeObject[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const object of objects) {
    files.set(`${object.kind.toLowerCase()}-${object.metadata?.name}.yaml`, toYaml(object));
  }
  const resources = [...files.keys()].sort();
  files.set('kustomization.yaml', toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources }));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** YAML 1.1 rules for quoting, as Kubernetes reads it: `on`, `yes` and the like stay strings. */
function toYaml(value: unknown): string {
  return stringify(sortKeys(value), { version: '1.1', lineWidth: 0 });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
