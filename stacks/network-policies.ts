/**
 * The platform's firewall as NetworkPolicies. Policies add up: once one Ingress and some Egress
 * policies select the VP's pods, everything else is denied. So the VP accepts traffic only from the
 * ingress controller, and may reach cluster DNS and exactly the declared endpoints of the producers
 * its routing points at, one policy per producer system so that a change shows up where it belongs.
 */
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { EnvironmentState } from '../src/model/state';
import { ANNOTATION, CLUSTER_DNS, INGRESS_CONTROLLER, LABEL, NAME, NAMESPACE_NAME, PLATFORM_POD_LABELS, PLATFORM_SERVICE } from './conventions';
import { kubeName } from './names';
import { metadata, type Scope } from './objects';
import { cidrs, routedProducers } from './parties';
import type { Problem } from './problems';

type Spec = NonNullable<INetworkPolicy['spec']>;
type EgressRule = NonNullable<Spec['egress']>[number];

export interface PoliciesResult {
  policies: INetworkPolicy[];
  notes: string[];
  problems: Problem[];
}

export function networkPolicies(scope: Scope, state: EnvironmentState): PoliciesResult {
  const result: PoliciesResult = { policies: [fromIngressController(scope), toDns(scope)], notes: [], problems: [] };
  const owners = new Map<string, string>();
  for (const producer of routedProducers(state)) {
    const endpoints = producer.system?.decl.environments[state.name]?.endpoints ?? [];
    if (!producer.system || endpoints.length === 0) {
      result.notes.push(`${state.name}: producer ${producer.hsaId} declares no endpoints here, so the platform may not reach it`);
      continue;
    }
    const system = producer.system;
    const name = kubeName(system.hsaId, NAME.producerPolicyPrefix);
    const other = owners.get(name);
    if (other !== undefined) {
      result.problems.push({
        message: `systems ${other} and ${system.hsaId} both map to the Kubernetes name ${name}; their HSA-ids differ only in characters a Kubernetes name cannot hold (such as _ and -); correct the HSA-id of one of them`,
        location: system.location,
        entity: system.hsaId,
      });
      continue;
    }
    owners.set(name, system.hsaId);
    const rules = new Map<string, EgressRule>();
    endpoints.forEach((endpoint, i) => {
      const blocks = cidrs(system, state.name, ['endpoints', i, 'addresses'], endpoint.addresses, result.problems);
      const unique = [...new Set(blocks)].sort();
      const rule: EgressRule = { to: unique.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: 'TCP', port: endpoint.port }] };
      rules.set(JSON.stringify(rule), rule);
    });
    result.policies.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(scope, name, 'egress', {
        labels: { [LABEL.system]: kubeName(system.hsaId) },
        annotations: { [ANNOTATION.hsaId]: system.hsaId },
      }),
      spec: {
        podSelector: { matchLabels: { ...PLATFORM_POD_LABELS } },
        policyTypes: ['Egress'],
        egress: [...rules.keys()].sort().map((key) => rules.get(key)!),
      },
    });
  }
  return result;
}

function fromIngressController(scope: Scope): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(scope, NAME.ingressPolicy, 'ingress'),
    spec: {
      podSelector: { matchLabels: { ...PLATFORM_POD_LABELS } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { [NAMESPACE_NAME]: INGRESS_CONTROLLER.namespace } },
              podSelector: { matchLabels: { ...INGRESS_CONTROLLER.podLabels } },
            },
          ],
          ports: [{ protocol: 'TCP', port: PLATFORM_SERVICE.port }],
        },
      ],
    },
  };
}

function toDns(scope: Scope): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(scope, NAME.dnsPolicy, 'egress'),
    spec: {
      podSelector: { matchLabels: { ...PLATFORM_POD_LABELS } },
      policyTypes: ['Egress'],
      egress: [dnsEgress()],
    },
  };
}

/** The egress rule to cluster DNS, which every closed-off pod needs. */
export function dnsEgress(): EgressRule {
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { [NAMESPACE_NAME]: CLUSTER_DNS.namespace } },
        podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: CLUSTER_DNS.port },
      { protocol: 'TCP', port: CLUSTER_DNS.port },
    ],
  };
}
