/**
 * The Kubernetes objects of one environment as plain data, typed with the Kubernetes object shapes
 * (kubernetes-models), and their offline validation against the Kubernetes schemas.
 */
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { LABEL, PREFIX } from './conventions';

export type KubeObject = IConfigMap | ISecret | IIngress | INetworkPolicy | IDeployment | IService;
export type ObjectMeta = NonNullable<IConfigMap['metadata']>;

/** Where an environment's objects go and what they are labelled with. */
export interface Scope {
  env: string;
  namespace: string;
}

export function metadata(scope: Scope, name: string, component: string, extra: Pick<ObjectMeta, 'labels' | 'annotations'> = {}): ObjectMeta {
  return {
    name,
    namespace: scope.namespace,
    labels: {
      [LABEL.managedBy]: PREFIX,
      [LABEL.partOf]: 'tak-platform',
      [LABEL.component]: component,
      [LABEL.environment]: scope.env,
      ...extra.labels,
    },
    ...(extra.annotations && { annotations: extra.annotations }),
  };
}

const models = {
  ConfigMap: (o: KubeObject) => new ConfigMap(o as IConfigMap),
  Secret: (o: KubeObject) => new Secret(o as ISecret),
  Ingress: (o: KubeObject) => new Ingress(o as IIngress),
  NetworkPolicy: (o: KubeObject) => new NetworkPolicy(o as INetworkPolicy),
  Deployment: (o: KubeObject) => new Deployment(o as IDeployment),
  Service: (o: KubeObject) => new Service(o as IService),
};

/** Validates an object against its Kubernetes schema; throws with the object's name and the schema's complaint. */
export function validateObject(object: KubeObject): void {
  try {
    models[object.kind](withoutPayload(object)).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata?.name} does not match the Kubernetes schema: ${(error as Error).message}`);
  }
}

/**
 * binaryData comes only from our own Buffer#toString('base64'), so it is base64 by construction;
 * the schema's check of it is a regular expression over a megabyte per cache shard, which costs
 * more than all the rest of the validation. The object is checked with empty values in its place.
 */
function withoutPayload(object: KubeObject): KubeObject {
  if (object.kind !== 'ConfigMap' || !object.binaryData) return object;
  return { ...object, binaryData: Object.fromEntries(Object.keys(object.binaryData).map((key) => [key, ''])) };
}
