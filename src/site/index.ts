/**
 * `tak report`: a static site per environment that opens from the file system. Its files are
 * built here as a map (relative path -> content) for the command to write atomically; the
 * connections go into shards of SHARD_ROWS rows, loaded by the browser one at a time.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckResult } from '../check/types';
import type { EnvironmentState } from '../model/state';
import type { AppliedChange } from './applied';
import { siteData, type Row, type SiteData } from './data';
import * as pages from './pages';

export const SHARD_ROWS = 1000;

export interface SiteInput {
  states: EnvironmentState[];
  check: CheckResult;
  now: Date;
  day: string;
  applied: Map<string, AppliedChange[]>;
}

export function buildSite(input: SiteInput): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  files.set('assets/site.css', readFileSync(path.join(__dirname, 'assets', 'site.css')));
  files.set('assets/site.js', readFileSync(path.join(__dirname, 'assets', 'site.js')));
  files.set('assets/cytoscape.min.js', readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js')));
  const summary: { name: string; rows: number; errors: number }[] = [];
  for (const state of input.states) {
    const data = siteData(state, input.check.findings, input.now, input.day);
    for (const [name, content] of environmentFiles(state, data, input.applied.get(state.name) ?? [])) files.set(`${state.name}/${name}`, content);
    summary.push({ name: state.name, rows: data.rowCount, errors: data.findings.filter((f) => f.level === 'error' && !f.suppressed).length });
  }
  files.set('index.html', pages.environmentsPage(summary));
  return files;
}

function environmentFiles(state: EnvironmentState, data: SiteData, applied: AppliedChange[]): Map<string, string> {
  const files = new Map<string, string>();
  const shards: [string, number][] = [];
  for (const group of data.groups) {
    for (let i = 0; i < group.rows.length; i += SHARD_ROWS) {
      const rows: Row[] = group.rows.slice(i, i + SHARD_ROWS);
      files.set(`data/rows-${shards.length}.js`, `TAK.shard(${shards.length},${JSON.stringify(rows)});\n`);
      shards.push([group.consumer, rows.length]);
    }
  }
  const systems = Object.fromEntries(state.catalog.systems.map((s) => [s.key, [s.hsaId, s.decl.name]]));
  files.set('data/index.js', `TAK.index(${JSON.stringify({ env: state.name, day: data.day, rowCount: data.rowCount, shards, systems })});\n`);
  const nodes = new Map<string, { id: string; label: string; file: string }>();
  for (const e of data.edges) {
    for (const hsaId of [e.from, e.to]) {
      const s = state.catalog.systemIndex.get(hsaId.toLowerCase());
      nodes.set(hsaId.toLowerCase(), { id: hsaId.toLowerCase(), label: s?.decl.name ?? hsaId, file: pages.systemFile(s?.hsaId ?? hsaId) });
    }
  }
  const edges = data.edges.map((e) => ({ from: e.from.toLowerCase(), to: e.to.toLowerCase(), domains: e.domains.map((d) => d.split(':').pop()), count: e.count }));
  files.set('data/graph.js', `TAK.graph(${JSON.stringify({ nodes: [...nodes.values()], edges })});\n`);
  files.set('index.html', pages.connectionsPage(data));
  files.set('systems.html', pages.systemsPage(state));
  files.set('graph.html', pages.graphPage(state.name));
  files.set('certificates.html', pages.certificatesPage(data));
  files.set('findings.html', pages.findingsPage(data));
  files.set('changes.html', pages.changesPage(state.name, applied));
  for (const system of state.catalog.systems) files.set(pages.systemFile(system.hsaId), pages.systemPage(state, system, data.figures.get(system.key), data.certificates));
  for (const domain of state.catalog.serviceDomains) files.set(pages.domainFile(domain.domain), pages.domainPage(state, domain, data.figures));
  return files;
}
