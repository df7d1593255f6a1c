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
    files.set(`${object.kind.toLowerCase()}-${object.metadata?.name}.yaml`, objectYaml(object));
  }
  const resources = [...files.keys()].sort();
  files.set('kustomization.yaml', toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources }));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** YAML 1.1 rules for quoting, as Kubernetes reads it: `on`, `yes` and the like stay strings. */
const OPTIONS = { version: '1.1', lineWidth: 0 } as const;

function toYaml(value: unknown): string {
  return stringify(sortKeys(value), OPTIONS);
}

/**
 * An object's manifest. A cache shard's base64 (a megabyte) stands aside while the YAML is
 * written, because the writer copies every string again at each level of nesting (most of a
 * second for a prod-sized cache), and goes into the text in place of its stand-in. That gives the
 * same bytes where the writer would write the value as it is (plain), which it says for the value
 * alone: quoting, escaping or a block style would make its text longer than the value and a
 * newline. A value it would not write plain is written in place.
 */
function objectYaml(object: KubeObject): string {
  if (object.kind !== 'ConfigMap' || !object.binaryData) return toYaml(object);
  const aside = new Map<string, string>();
  const binaryData = Object.fromEntries(
    Object.entries(object.binaryData).map(([key, value]) => {
      if (stringify(value, OPTIONS).length !== value.length + 1) return [key, value];
      const standIn = `tak-payload-${aside.size}`;
      aside.set(standIn, value);
      return [key, standIn];
    }),
  );
  let text = toYaml({ ...object, binaryData });
  for (const [standIn, value] of aside) {
    const [before, after, ...more] = text.split(`: ${standIn}\n`);
    if (after === undefined || more.length > 0) return toYaml(object);
    text = `${before}: ${value}\n${after}`;
  }
  return text;
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
