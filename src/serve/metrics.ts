/** `/metrics` in the Prometheus text format (prom-client), one registry per server. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CatalogSource, ReloadResult } from './source';

export interface ServeMetrics {
  registry: Registry;
  observe(route: string, status: number, seconds: number): void;
  reloaded(results: ReloadResult[]): void;
}

export function serveMetrics(source: CatalogSource): ServeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tak_serve_' });
  const requests = new Counter({ name: 'tak_serve_requests_total', help: 'Requests answered, by route and HTTP status', labelNames: ['route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'tak_serve_request_duration_seconds',
    help: 'Time to the end of the response, by route',
    labelNames: ['route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5, 10],
    registers: [registry],
  });
  const reloads = new Counter({ name: 'tak_serve_reloads_total', help: 'Reloads after a ref moved, by environment and outcome (loaded, refused, failed)', labelNames: ['env', 'outcome'], registers: [registry] });
  const reloadSeconds = new Gauge({ name: 'tak_serve_reload_seconds', help: 'Duration of the last reload, by environment', labelNames: ['env'], registers: [registry] });
  new Gauge({
    name: 'tak_serve_entries',
    help: 'Routing entries and authorizations served, by environment',
    labelNames: ['env', 'kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const env of source.environments()) {
        const s = source.snapshot(env);
        if (!s) continue;
        this.set({ env, kind: 'routing' }, s.routing.length);
        this.set({ env, kind: 'authorization' }, s.authorizations.length);
      }
    },
  });
  new Gauge({
    name: 'tak_serve_refused',
    help: '1 when an environment\'s newest commit was refused (errors) and an older state is served',
    labelNames: ['env'],
    registers: [registry],
    collect() {
      for (const h of source.status()) this.set({ env: h.env }, h.refused ? 1 : 0);
    },
  });
  return {
    registry,
    observe(route, status, seconds) {
      requests.inc({ route, status: String(status) });
      duration.observe({ route }, seconds);
    },
    reloaded(results) {
      for (const r of results) {
        reloads.inc({ env: r.env, outcome: r.outcome });
        reloadSeconds.set({ env: r.env }, r.seconds);
      }
    },
  };
}
