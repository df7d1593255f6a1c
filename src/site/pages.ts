/**
 * The report's pages as HTML text. Everything a page shows is written into it at build time, except
 * the connections, which the browser loads a shard at a time; so each page stays small at 1M entries.
 */
import type { EnvironmentState, ServiceDomain, System } from '../model/state';
import type { AppliedChange } from './applied';
import type { Certificate, SiteData, SystemFigures } from './data';

const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The file of a system's page, the same rule as the browser code's. */
export const systemFile = (hsaId: string) => `systems/${hsaId.replace(/[^0-9A-Za-z_-]/g, '_')}.html`;
export const domainFile = (domain: string) => `domains/${domain.replace(/[^0-9A-Za-z_-]/g, '_')}.html`;

const NAV: [string, string][] = [
  ['index.html', 'Connections'],
  ['systems.html', 'Systems and domains'],
  ['graph.html', 'Who calls whom'],
  ['certificates.html', 'Certificates'],
  ['findings.html', 'Findings'],
  ['changes.html', 'Changes'],
];

/** A page of an environment; `depth` is 1 for pages in systems/ or domains/. */
export function page(env: string, title: string, here: string, body: string, depth = 0, scripts: string[] = []): string {
  const up = '../'.repeat(depth);
  const nav = NAV.map(([file, label]) => `<a href="${up}${file}"${file === here ? ' class="here"' : ''}>${label}</a>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(env)} · tak report</title><link rel="stylesheet" href="${up}../assets/site.css"></head>
<body><header><a class="env" href="${up}../index.html">tak report</a><span class="env">${esc(env)}</span>${nav}</header>
<main>${body}</main>
${scripts.map((s) => `<script src="${s}"></script>`).join('\n')}
</body></html>
`;
}

export function connectionsPage(data: SiteData): string {
  return page(
    data.env,
    'Connections',
    'index.html',
    `<h1>Connections in ${esc(data.env)} <span class="muted">on ${esc(data.day)}</span></h1>
<div class="controls">
  <input type="search" id="search" placeholder="Search a consumer (HSA-id or name), contract or logical address" aria-label="Search">
  <label>Status <select id="status"><option value="">all</option><option value="ok">routed and authorized</option><option value="VP004">no routing (VP004)</option><option value="unused">no consumer authorized</option></select></label>
  <button id="prev">Previous</button><button id="next">Next</button><span id="page-info" class="muted"></span>
</div>
<table><thead><tr><th>Consumer</th><th>Contract</th><th>Logical address</th><th>Producer</th><th>URL</th><th>Profile</th><th>Valid</th><th>Status</th></tr></thead>
<tbody id="rows"></tbody></table>`,
    0,
    ['../assets/site.js', 'data/index.js'],
  );
}

export function systemsPage(state: EnvironmentState): string {
  const systems = state.catalog.systems
    .map((s) => `<tr><td><a href="${systemFile(s.hsaId)}">${esc(s.decl.name)}</a></td><td>${esc(s.hsaId)}</td><td>${esc(s.decl.organisation)}</td><td>${esc(s.decl.owners.join(', '))}</td><td>${s.decl.deactivated ? `deactivated ${esc(s.decl.deactivated.date)}` : ''}</td></tr>`)
    .join('');
  const domains = state.catalog.serviceDomains
    .map((d) => `<tr><td><a href="${domainFile(d.domain)}">${esc(d.decl.name ?? d.domain)}</a></td><td>${esc(d.domain)}</td><td>${esc(d.decl.owners.join(', '))}</td><td>${d.decl.contracts.length}</td></tr>`)
    .join('');
  return page(
    state.name,
    'Systems and domains',
    'systems.html',
    `<h1>Systems</h1><table><thead><tr><th>Name</th><th>HSA-id</th><th>Organisation</th><th>Owners</th><th></th></tr></thead><tbody>${systems}</tbody></table>
<h1>Service domains</h1><table><thead><tr><th>Name</th><th>Domain</th><th>Owners</th><th>Contracts</th></tr></thead><tbody>${domains}</tbody></table>`,
  );
}

function contacts(system: System): string {
  return system.decl.contacts.map((c) => `${esc(c.role)}: ${esc(c.name)}${c.email ? ` <a href="mailto:${esc(c.email)}">${esc(c.email)}</a>` : ''}${c.phone ? ` ${esc(c.phone)}` : ''}`).join('<br>') || '<span class="muted">none</span>';
}

function counterparts(title: string, per: Record<string, Record<string, number>>, names: (hsaId: string) => string, heading: string): string {
  const rows = Object.entries(per)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([contract, by]) => Object.entries(by).map(([who, n]) => `<tr><td>${esc(contract)}</td><td>${who ? names(who) : '<span class="muted">none</span>'}</td><td>${n.toLocaleString('en')}</td></tr>`));
  if (!rows.length) return '';
  return `<h2>${title}</h2><table><thead><tr><th>Contract</th><th>${heading}</th><th>Logical addresses</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function systemPage(state: EnvironmentState, system: System, figures: SystemFigures | undefined, certificates: Certificate[]): string {
  const mine = system.decl.environments[state.name];
  const link = (hsaId: string) => {
    const s = state.catalog.systemIndex.get(hsaId.toLowerCase());
    return `<a href="../${systemFile(s?.hsaId ?? hsaId)}">${esc(s?.decl.name ?? hsaId)}</a> <span class="muted">${esc(hsaId)}</span>`;
  };
  const certs = certificates.filter((c) => c.owner.toLowerCase() === system.key).map((c) => `${esc(c.file)}: ${certificateState(c)}`);
  return page(
    state.name,
    system.decl.name,
    '',
    `<h1 id="system-name">${esc(system.decl.name)}</h1>
<dl>
<dt>HSA-id</dt><dd id="system-hsa-id">${esc(system.hsaId)}</dd>
<dt>Organisation</dt><dd>${esc(system.decl.organisation)}</dd>
${system.decl.description ? `<dt>Description</dt><dd>${esc(system.decl.description)}</dd>` : ''}
<dt>Owners</dt><dd id="system-owners">${esc(system.decl.owners.join(', ')) || '<span class="muted">none</span>'}</dd>
<dt>Contacts</dt><dd id="system-contacts">${contacts(system)}</dd>
${system.decl.deactivated ? `<dt>Deactivated</dt><dd class="expired">${esc(system.decl.deactivated.date)} ${esc(system.decl.deactivated.reason ?? '')}</dd>` : ''}
<dt>Certificates</dt><dd>${certs.join('<br>') || '<span class="muted">none in this environment</span>'}</dd>
<dt>Endpoints</dt><dd>${(mine?.endpoints ?? []).map((e) => `${esc(e.host)}:${e.port} (${esc(e.addresses.join(', '))})`).join('<br>') || '<span class="muted">none</span>'}</dd>
<dt>Source addresses</dt><dd>${esc((mine?.sourceAddresses ?? []).join(', ')) || '<span class="muted">none</span>'}</dd>
<dt>Declared in</dt><dd>${esc(system.file)}</dd>
</dl>
<p><a href="../index.html#q=${encodeURIComponent(system.hsaId)}">Its connections as a consumer</a></p>
${counterparts('Produces', figures?.produces ?? {}, link, 'Consumer')}
${counterparts('Consumes', figures?.consumes ?? {}, link, 'Producer')}`,
    1,
  );
}

export function domainPage(state: EnvironmentState, domain: ServiceDomain, figures: Map<string, SystemFigures>): string {
  const labels = new Set(domain.decl.contracts.map((c) => `${c.name.replace(/Responder$/, '')}:${c.major}`));
  const producers = new Map<string, number>();
  const consumers = new Map<string, number>();
  for (const [key, f] of figures) {
    for (const [c, by] of Object.entries(f.produces)) if (labels.has(c)) producers.set(key, (producers.get(key) ?? 0) + Object.values(by).reduce((a, b) => a + b, 0));
    for (const [c, by] of Object.entries(f.consumes)) if (labels.has(c)) consumers.set(key, (consumers.get(key) ?? 0) + Object.values(by).reduce((a, b) => a + b, 0));
  }
  const list = (m: Map<string, number>) =>
    [...m].map(([key, n]) => {
      const s = state.catalog.systemIndex.get(key);
      return `<li><a href="../${systemFile(s?.hsaId ?? key)}">${esc(s?.decl.name ?? key)}</a> <span class="muted">${esc(s?.hsaId ?? key)}, ${n.toLocaleString('en')} entries</span></li>`;
    }).join('') || '<li class="muted">none</li>';
  const installed = new Set(state.installedContracts.map((c) => c.namespace?.toLowerCase()));
  const contracts = state.catalog.contracts.filter((c) => c.domain === domain.domain)
    .map((c) => `<tr><td>${esc(c.name)}:${c.major}.${c.minor}</td><td>${esc(c.namespace)}</td><td>${installed.has(c.namespace.toLowerCase()) ? 'installed' : '<span class="muted">not installed</span>'}</td><td>${esc(c.description ?? '')}</td></tr>`).join('');
  return page(
    state.name,
    domain.decl.name ?? domain.domain,
    '',
    `<h1>${esc(domain.decl.name ?? domain.domain)}</h1>
<dl><dt>Domain</dt><dd>${esc(domain.domain)}</dd>${domain.decl.description ? `<dt>Description</dt><dd>${esc(domain.decl.description)}</dd>` : ''}
<dt>Owners</dt><dd>${esc(domain.decl.owners.join(', ')) || '<span class="muted">none</span>'}</dd><dt>Declared in</dt><dd>${esc(domain.location.file)}</dd></dl>
<h2>Contracts</h2><table><thead><tr><th>Contract</th><th>Namespace</th><th>In ${esc(state.name)}</th><th>Description</th></tr></thead><tbody>${contracts}</tbody></table>
<h2>Producers</h2><ul>${list(producers)}</ul><h2>Consumers</h2><ul>${list(consumers)}</ul>`,
    1,
  );
}

function certificateState(c: Certificate): string {
  if (c.problem) return `<span class="expired">${esc(c.problem)}</span>`;
  const days = c.daysLeft!;
  const cls = days < 0 ? 'expired' : days <= 30 ? 'expiring' : 'status-ok';
  return `<span class="${cls}">${days < 0 ? `expired ${esc(c.notAfter)}` : `expires ${esc(c.notAfter)} (${days} days)`}</span>`;
}

export function certificatesPage(data: SiteData): string {
  const expired = data.certificates.filter((c) => c.problem || c.daysLeft! < 0).length;
  const soon = data.certificates.filter((c) => !c.problem && c.daysLeft! >= 0 && c.daysLeft! <= 30).length;
  const rows = data.certificates.map((c) => `<tr><td>${esc(c.owner)}</td><td>${esc(c.file)}</td><td>${certificateState(c)}</td><td class="muted">${esc(c.subject)}</td></tr>`).join('');
  return page(
    data.env,
    'Certificates',
    'certificates.html',
    `<h1>Certificates in ${esc(data.env)} <span class="muted">on ${esc(data.day)}</span></h1>
<div class="cards"><div class="card"><b>${data.certificates.length}</b>certificates</div><div class="card"><b class="expired">${expired}</b>expired or unreadable</div><div class="card"><b class="expiring">${soon}</b>expire within 30 days</div></div>
<h2>Soonest first</h2><table><thead><tr><th>System or CA</th><th>File</th><th>Expiry</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

const FINDINGS_SHOWN = 5000;

export function findingsPage(data: SiteData): string {
  const shown = data.findings.slice(0, FINDINGS_SHOWN);
  const errors = data.findings.filter((f) => f.level === 'error' && !f.suppressed).length;
  const rows = shown
    .map((f) => `<tr><td class="level-${f.suppressed ? 'suppressed' : f.level}">${f.suppressed ? 'suppressed' : f.level}</td><td>${esc(f.rule)}</td><td>${esc(f.location.file)}:${f.location.line}</td><td>${esc(f.message)}${f.suppressed ? ` <span class="muted">(${esc(f.suppressed.reason)})</span>` : ''}</td></tr>`)
    .join('');
  const more = data.findings.length > shown.length ? `<p class="muted">The first ${FINDINGS_SHOWN.toLocaleString('en')} of ${data.findings.length.toLocaleString('en')}; run tak validate --env ${esc(data.env)} for all.</p>` : '';
  return page(
    data.env,
    'Findings',
    'findings.html',
    `<h1>Findings in ${esc(data.env)}</h1><div class="cards"><div class="card"><b class="level-error">${errors}</b>errors</div><div class="card"><b>${data.findings.length - errors}</b>warnings and suppressed</div></div>
${more}<table><thead><tr><th>Level</th><th>Rule</th><th>Where</th><th>Message</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function changesPage(env: string, changes: AppliedChange[]): string {
  const body = changes.length
    ? changes.map((c) => `<h2>${esc(c.record.appliedAt)} · ${esc(c.record.commit.slice(0, 12))} ${esc(c.subject)}</h2>
<p class="muted">${c.record.orderNumber !== undefined ? `order ${c.record.orderNumber}` : 'no order'}</p><ul>${c.commits.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`).join('')
    : `<p class="muted">No applied commits are recorded for ${esc(env)} (refs/tak/applied/${esc(env)} with notes under refs/notes/tak-applied); tak apply records them.</p>`;
  return page(env, 'Changes', 'changes.html', `<h1>Last applied changes in ${esc(env)}</h1>${body}`);
}

export function graphPage(env: string): string {
  return page(env, 'Who calls whom', 'graph.html', `<h1>Who calls whom in ${esc(env)}</h1><p class="muted">Consumer to producer; each edge names the service domains and the number of authorized (contract, logical address) pairs. Click a system for its page.</p><div id="graph"></div>`, 0, [
    '../assets/cytoscape.min.js',
    '../assets/site.js',
    'data/graph.js',
  ]);
}

export function environmentsPage(envs: { name: string; rows: number; errors: number }[]): string {
  const items = envs.map((e) => `<li><a href="${esc(e.name)}/index.html">${esc(e.name)}</a> <span class="muted">${e.rows.toLocaleString('en')} connections, ${e.errors} errors</span></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tak report</title><link rel="stylesheet" href="assets/site.css"></head>
<body><header><span class="env">tak report</span></header><main><h1>Environments</h1><ul>${items}</ul></main></body></html>
`;
}
