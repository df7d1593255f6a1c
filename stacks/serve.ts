/**
 * `tak serve` next to the platform, for an environment whose environment.yaml has `serve:`: a
 * Deployment (a clone of the repository, a sidecar that fetches the applied refs and the order feed,
 * and `tak serve` with client certificates), its Service, its NetworkPolicy (callers: the VP and the
 * declared client addresses; egress: DNS and the git server), and the VP's egress to it. The VP's
 * ingress rules are not touched.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { DEFAULT_ORDER_FEED_BRANCH } from '../src/applied';
import type { EnvironmentState } from '../src/model/state';
import { parseCidr } from '../src/net/cidr';
import { NAME, PLATFORM_POD_LABELS, SERVE_POD_LABELS, SERVE_PORT } from './conventions';
import { dnsEgress } from './network-policies';
import { metadata, type Scope } from './objects';
import type { Problem } from './problems';

export interface ServeObjects {
  objects: (IDeployment | IService | INetworkPolicy)[];
  problems: Problem[];
}

const REPO = '/repo/work';
const FETCH_SECONDS = 30;

export function serveObjects(scope: Scope, state: EnvironmentState): ServeObjects {
  const serve = state.environment?.serve;
  if (!serve) return { objects: [], problems: [] };
  const problems: Problem[] = [];
  const addresses = (key: 'gitAddresses' | 'clientAddresses') =>
    serve[key].flatMap((address, i) => {
      const parsed = parseCidr(address);
      if ('cidr' in parsed) return [parsed.cidr.text];
      problems.push({ message: `serve.${key}[${i}] "${address}" ${parsed.problem}`, location: state.environmentLocator?.locate(['serve', key, i]) ?? state.location });
      return [];
    });
  const git = addresses('gitAddresses');
  const clients = addresses('clientAddresses');
  const feed = state.environment?.orderFeed;
  const branch = feed && 'branch' in feed ? feed.branch : DEFAULT_ORDER_FEED_BRANCH;
  const gitPort = serve.repository.startsWith('ssh:') ? Number(/^ssh:\/\/[^/]*:(\d+)\//.exec(serve.repository)?.[1] ?? 22) : 443;
  return {
    objects: [deployment(scope, serve, branch), service(scope), servePolicy(scope, clients, git, gitPort), vpToServe(scope)],
    problems,
  };
}

type ServeTarget = NonNullable<NonNullable<EnvironmentState['environment']>['serve']>;

/** The refs the pods fetch: the applied commits and the order feed's branch. */
const refspecs = (branch: string) => [`+refs/tak/applied/*:refs/tak/applied/*`, `+refs/heads/${branch}:refs/heads/${branch}`];

function deployment(scope: Scope, serve: ServeTarget, branch: string): IDeployment {
  const fetch = `git -C ${REPO} fetch --quiet origin ${refspecs(branch).map((r) => `'${r}'`).join(' ')}`;
  const gitEnv = [
    { name: 'TAK_REPOSITORY', value: serve.repository },
    // Credentials, when the repository needs them, come from the optional Secret (git's credential store).
    { name: 'GIT_CONFIG_COUNT', value: '1' },
    { name: 'GIT_CONFIG_KEY_0', value: 'credential.helper' },
    { name: 'GIT_CONFIG_VALUE_0', value: 'store --file=/etc/tak-serve/git/credentials' },
  ];
  const mounts = [
    { name: 'repository', mountPath: '/repo' },
    { name: 'git-credentials', mountPath: '/etc/tak-serve/git', readOnly: true },
  ];
  const security = { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(scope, NAME.serve, 'serve'),
    spec: {
      replicas: serve.replicas,
      selector: { matchLabels: { ...SERVE_POD_LABELS } },
      template: {
        metadata: { labels: { ...SERVE_POD_LABELS, 'tak-gitops/environment': scope.env } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
          initContainers: [
            {
              name: 'clone',
              image: serve.image,
              command: ['sh', '-c', `git clone --quiet "$TAK_REPOSITORY" ${REPO} && ${fetch}`],
              env: gitEnv,
              volumeMounts: mounts,
              securityContext: security,
            },
          ],
          containers: [
            {
              name: 'serve',
              image: serve.image,
              args: ['tak', 'serve', '-C', REPO, '--env', scope.env, '--host', '0.0.0.0', '--port', String(SERVE_PORT), '--tls-cert', '/etc/tak-serve/tls/tls.crt', '--tls-key', '/etc/tak-serve/tls/tls.key', '--client-ca', '/etc/tak-serve/cas/ca.crt'],
              ports: [{ name: 'https', containerPort: SERVE_PORT }],
              // Every request needs a client certificate, so the probes open a connection only.
              readinessProbe: { tcpSocket: { port: SERVE_PORT }, periodSeconds: 10 },
              livenessProbe: { tcpSocket: { port: SERVE_PORT }, initialDelaySeconds: 30, periodSeconds: 20 },
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1536Mi' } },
              volumeMounts: [
                { name: 'repository', mountPath: '/repo' },
                { name: 'tls', mountPath: '/etc/tak-serve/tls', readOnly: true },
                { name: 'trusted-cas', mountPath: '/etc/tak-serve/cas', readOnly: true },
              ],
              securityContext: security,
            },
            {
              name: 'fetch',
              image: serve.image,
              command: ['sh', '-c', `while true; do ${fetch} || echo "fetch failed; serving the refs fetched before"; sleep ${FETCH_SECONDS}; done`],
              env: gitEnv,
              volumeMounts: mounts,
              resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { memory: '256Mi' } },
              securityContext: security,
            },
          ],
          volumes: [
            { name: 'repository', emptyDir: {} },
            { name: 'tls', secret: { secretName: NAME.serveTls } },
            { name: 'trusted-cas', secret: { secretName: NAME.trustedCas } },
            { name: 'git-credentials', secret: { secretName: NAME.serveGit, optional: true } },
          ],
        },
      },
    },
  };
}

function service(scope: Scope): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(scope, NAME.serve, 'serve'),
    spec: {
      type: 'ClusterIP',
      selector: { ...SERVE_POD_LABELS },
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: SERVE_PORT }],
    },
  };
}

/** Who may call `tak serve` (the VP's pods, the declared clients) and what it may reach (DNS, the git server). */
function servePolicy(scope: Scope, clients: string[], git: string[], gitPort: number): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(scope, NAME.serve, 'serve'),
    spec: {
      podSelector: { matchLabels: { ...SERVE_POD_LABELS } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { ...PLATFORM_POD_LABELS } } }, ...[...new Set(clients)].sort().map((cidr) => ({ ipBlock: { cidr } }))],
          ports: [{ protocol: 'TCP', port: SERVE_PORT }],
        },
      ],
      egress: [
        dnsEgress(),
        { to: [...new Set(git)].sort().map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: 'TCP', port: gitPort }] },
      ],
    },
  };
}

/** The VP's egress is closed but for what is declared: it must be let through to `tak serve`. */
function vpToServe(scope: Scope): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(scope, NAME.vpToServe, 'egress'),
    spec: {
      podSelector: { matchLabels: { ...PLATFORM_POD_LABELS } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { ...SERVE_POD_LABELS } } }], ports: [{ protocol: 'TCP', port: SERVE_PORT }] }],
    },
  };
}
