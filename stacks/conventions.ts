/**
 * What the synthesized objects agree on with the platform's own deployment (which this repository
 * does not manage): the labels of the VP's pods and service, the ingress controller's location, and
 * the names and label keys of the objects written here. docs/synth.md lists them for operators.
 */

/** Label and annotation prefix of this product. */
export const PREFIX = 'tak-gitops';

export const LABEL = {
  managedBy: 'app.kubernetes.io/managed-by',
  partOf: 'app.kubernetes.io/part-of',
  component: 'app.kubernetes.io/component',
  environment: `${PREFIX}/environment`,
  system: `${PREFIX}/system`,
} as const;

export const ANNOTATION = {
  /** sha256 of the VP cache document: changes exactly when the routing or authorizations do. */
  contentHash: `${PREFIX}/content-sha256`,
  /** The exact HSA-id behind a system label (labels are lower-cased and length-limited). */
  hsaId: `${PREFIX}/hsa-id`,
} as const;

/** The VP's pods (virtualiseringsplattformen) carry this label; the policies select them by it. */
export const PLATFORM_POD_LABELS = { 'app.kubernetes.io/name': 'vp' };

/** The VP's service behind the ingress, plain HTTP inside the cluster (TLS ends at the ingress). */
export const PLATFORM_SERVICE = { name: 'vp', port: 8080 };

/** Where ingress-nginx runs: the only source the VP's pods accept traffic from. */
export const INGRESS_CONTROLLER = {
  namespace: 'ingress-nginx',
  podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
  className: 'nginx',
};

/** The label Kubernetes gives every namespace with its name, for selecting a namespace by name. */
export const NAMESPACE_NAME = 'kubernetes.io/metadata.name';

/** Cluster DNS (CoreDNS answers to the kube-dns label). */
export const CLUSTER_DNS = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' }, port: 53 };

/** Object names. */
export const NAME = {
  cache: 'tak-vp-cache',
  trustedCas: 'tak-trusted-cas',
  ingress: 'tak-vp',
  /** The platform's server certificate and key: created out of band, never from Git. */
  serverTls: 'tak-vp-server-tls',
  ingressPolicy: 'tak-vp-from-ingress',
  dnsPolicy: 'tak-vp-to-dns',
  producerPolicyPrefix: 'tak-vp-to-',
  /** `tak serve`: its Deployment, Service and NetworkPolicy share the name. */
  serve: 'tak-serve',
  /** Its server certificate and key (tls.crt, tls.key): created out of band, never from Git. */
  serveTls: 'tak-serve-tls',
  /** Optional git credentials for its pods (key `credentials`, git's credential-store format): out of band. */
  serveGit: 'tak-serve-git',
  /** The VP's egress to `tak serve`, which the VP loads its routing from. */
  vpToServe: 'tak-vp-to-tak-serve',
} as const;

/** `tak serve`'s pods, and the port they listen on (HTTPS with client certificates). */
export const SERVE_POD_LABELS = { 'app.kubernetes.io/name': 'tak-serve' };
export const SERVE_PORT = 8443;

/** The file name the VP reads its local TAK cache from (takcache.persistent.file.name). */
export const CACHE_FILE = 'local-tak-cache.xml';

/** SITHS chains are Root CA -> Function CA -> function certificate. */
export const VERIFY_DEPTH = 2;
