/**
 * The cdktf layer only maps: each plain Kubernetes object becomes the provider's typed resource,
 * imported from its own file (the package index costs a second and 250 MB).
 */
import type { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { NetworkPolicyV1, type NetworkPolicyV1SpecEgressTo, type NetworkPolicyV1SpecIngressFrom } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { KubeObject, ObjectMeta } from './objects';
import type { Payloads } from './payloads';

type Peer = NonNullable<NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>[number]['to']>[number];
type Port = NonNullable<NonNullable<NonNullable<INetworkPolicy['spec']>['egress']>[number]['ports']>[number];

/** The construct id of an object: its kind and name, stable from run to run. */
export const resourceId = (o: KubeObject) => `${o.kind.toLowerCase()}-${o.metadata?.name}`;

/** `payloads`, where given, takes the ConfigMaps' binaryData out of the stack (see payloads.ts). */
export function addResource(scope: Construct, object: KubeObject, payloads?: Payloads): void {
  switch (object.kind) {
    case 'ConfigMap':
      return void configMap(scope, object, payloads);
    case 'Secret':
      return void secret(scope, object);
    case 'Ingress':
      return void ingress(scope, object);
    case 'NetworkPolicy':
      return void networkPolicy(scope, object);
    case 'Deployment':
      return void deployment(scope, object);
    case 'Service':
      return void service(scope, object);
  }
}

function meta(m: ObjectMeta | undefined) {
  return { name: m?.name, namespace: m?.namespace, labels: m?.labels, annotations: m?.annotations };
}

function configMap(scope: Construct, o: IConfigMap, payloads?: Payloads) {
  const binaryData = payloads && o.binaryData ? Object.fromEntries(Object.entries(o.binaryData).map(([k, v]) => [k, payloads.standIn(v)])) : o.binaryData;
  return new ConfigMapV1(scope, resourceId(o), { metadata: meta(o.metadata), data: o.data, binaryData });
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

function deployment(scope: Construct, o: IDeployment) {
  // The provider's Deployment is 5 MB of JavaScript (a fifth of a second to load): only an environment that runs tak serve needs it.
  const { DeploymentV1 } = require('@cdktf/provider-kubernetes/lib/deployment-v1') as typeof import('@cdktf/provider-kubernetes/lib/deployment-v1');
  const spec = o.spec!;
  const pod = spec.template.spec!;
  return new DeploymentV1(scope, resourceId(o), {
    metadata: meta(o.metadata),
    spec: {
      replicas: spec.replicas === undefined ? undefined : String(spec.replicas),
      selector: { matchLabels: spec.selector.matchLabels },
      template: {
        metadata: { labels: spec.template.metadata?.labels },
        spec: {
          automountServiceAccountToken: pod.automountServiceAccountToken,
          securityContext: pod.securityContext && {
            runAsNonRoot: pod.securityContext.runAsNonRoot,
            runAsUser: optionalString(pod.securityContext.runAsUser),
            fsGroup: optionalString(pod.securityContext.fsGroup),
          },
          initContainer: pod.initContainers?.map(container),
          container: pod.containers.map(container),
          volume: pod.volumes?.map(volume),
        },
      },
    },
  });
}

const optionalString = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** A container in the provider's spelling (singular block names, numbers as strings where it wants them). */
function container(c: IContainer) {
  return {
    name: c.name,
    image: c.image,
    command: c.command,
    args: c.args,
    env: c.env?.map((e) => ({ name: e.name, value: e.value })),
    port: c.ports?.map((p) => ({ name: p.name, containerPort: p.containerPort })),
    readinessProbe: probe(c.readinessProbe),
    livenessProbe: probe(c.livenessProbe),
    resources: c.resources && { requests: strings(c.resources.requests), limits: strings(c.resources.limits) },
    volumeMount: c.volumeMounts?.map((m) => ({ name: m.name, mountPath: m.mountPath, readOnly: m.readOnly })),
    securityContext: c.securityContext && {
      runAsNonRoot: c.securityContext.runAsNonRoot,
      allowPrivilegeEscalation: c.securityContext.allowPrivilegeEscalation,
      readOnlyRootFilesystem: c.securityContext.readOnlyRootFilesystem,
      capabilities: c.securityContext.capabilities && { drop: c.securityContext.capabilities.drop },
    },
  };
}

function probe(p: IProbe | undefined) {
  if (!p) return undefined;
  return { tcpSocket: p.tcpSocket ? [{ port: String(p.tcpSocket.port) }] : undefined, periodSeconds: p.periodSeconds, initialDelaySeconds: p.initialDelaySeconds };
}

function strings(values: Record<string, string | number> | undefined) {
  return values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

function volume(v: IVolume) {
  return {
    name: v.name,
    ...(v.emptyDir && { emptyDir: {} }),
    ...(v.secret && { secret: { secretName: v.secret.secretName, optional: v.secret.optional } }),
  };
}

function service(scope: Construct, o: IService) {
  const spec = o.spec!;
  return new ServiceV1(scope, resourceId(o), {
    metadata: meta(o.metadata),
    spec: {
      type: spec.type,
      selector: spec.selector,
      port: (spec.ports ?? []).map((p) => ({ name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort === undefined ? undefined : String(p.targetPort) })),
    },
  });
}
