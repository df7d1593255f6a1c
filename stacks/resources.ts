/**
 * The cdktf layer only maps: each plain Kubernetes object becomes the provider's typed resource,
 * imported from its own file (the package index costs a second and 250 MB).
 */
import type { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { NetworkPolicyV1, type NetworkPolicyV1SpecEgressTo, type NetworkPolicyV1SpecIngressFrom } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { KubeObject, ObjectMeta } from './objects';

type Peer = NonNullable<NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>[number]['to']>[number];
type Port = NonNullable<NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>[number]['ports']>[number];

/** The construct id of an object: its kind and name, stable from run to run. */
export const resourceId = (o: KubeObject) => `${o.kind.toLowerCase()}-${o.metadata?.name}`;

export function addResource(scope: Construct, object: KubeObject): void {
  switch (object.kind) {
    case 'ConfigMap':
      return void configMap(scope, object);
    case 'Secret':
      return void secret(scope, object);
    case 'Ingress':
      return void ingress(scope, object);
    case 'NetworkPolicy':
      return void networkPolicy(scope, object);
  }
}

function meta(m: ObjectMeta | undefined) {
  return { name: m?.name, namespace: m?.namespace, labels: m?.labels, annotations: m?.annotations };
}

function configMap(scope: Construct, o: IConfigMap) {
  return new ConfigMapV1(scope, resourceId(o), { metadata: meta(o.metadata), data: o.data, binaryData: o.binaryData });
}

/** The provider takes Secret data as plain text and encodes it itself. */
function secret(scope: Construct, o: ISecret) {
  const data = Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  return new SecretV1(scope, resourceId(o), { metadata: meta(o.metadata), type: o.type, data });
}

function ingress(scope: Construct, o: IIngress) {
  return new IngressV1(scope, resourceId(o), {
    metadata: meta(o.metadata),
    spec: {
      ingressClassName: o.spec?.ingressClassName,
      tls: (o.spec?.tls ?? []).map((t) => ({ hosts: t.hosts, secretName: t.secretName })),
      rule: (o.spec?.rules ?? []).map((r) => ({
        host: r.host,
        http: {
          path: (r.http?.paths ?? []).map((p) => ({
            path: p.path,
            pathType: p.pathType,
            backend: { service: { name: p.backend.service!.name, port: { number: p.backend.service!.port?.number } } },
          })),
        },
      })),
    },
  });
}

function networkPolicy(scope: Construct, o: INetworkPolicy) {
  const spec = o.spec!;
  return new NetworkPolicyV1(scope, resourceId(o), {
    metadata: meta(o.metadata),
    spec: {
      podSelector: { matchLabels: spec.podSelector.matchLabels },
      policyTypes: spec.policyTypes ?? [],
      ingress: spec.ingress?.map((rule) => ({ from: rule.from?.map(peer), ports: rule.ports?.map(port) })),
      egress: spec.egress?.map((rule) => ({ to: rule.to?.map(peer), ports: rule.ports?.map(port) })),
    },
  });
}

function peer(p: Peer): NetworkPolicyV1SpecEgressTo & NetworkPolicyV1SpecIngressFrom {
  return {
    ...(p.ipBlock && { ipBlock: { cidr: p.ipBlock.cidr, except: p.ipBlock.except } }),
    ...(p.namespaceSelector && { namespaceSelector: { matchLabels: p.namespaceSelector.matchLabels } }),
    ...(p.podSelector && { podSelector: { matchLabels: p.podSelector.matchLabels } }),
  };
}

/** The provider spells ports as strings. */
function port(p: Port) {
  return { protocol: p.protocol, port: p.port === undefined ? undefined : String(p.port) };
}
