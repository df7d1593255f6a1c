/*
 * The report's browser code. Pages open from the file system (file:// URLs, where fetch() is not
 * allowed), so data comes in as script files that call TAK.* functions: data/index.js once, and the
 * connection rows one shard at a time (data/rows-N.js, a thousand rows each, grouped by consumer).
 */
(function () {
  'use strict';
  var TAK = (window.TAK = { data: null, graphData: null, loaded: {}, waiting: {} });

  TAK.index = function (data) { TAK.data = data; };
  TAK.graph = function (data) { TAK.graphData = data; };
  TAK.shard = function (n, rows) {
    TAK.loaded[n] = rows;
    (TAK.waiting[n] || []).forEach(function (resolve) { resolve(rows); });
    delete TAK.waiting[n];
  };

  /** Loads shard n by a script tag (once), resolving with its rows. */
  TAK.load = function (n) {
    if (TAK.loaded[n]) return Promise.resolve(TAK.loaded[n]);
    return new Promise(function (resolve, reject) {
      if (TAK.waiting[n]) { TAK.waiting[n].push(resolve); return; }
      TAK.waiting[n] = [resolve];
      var s = document.createElement('script');
      s.src = 'data/rows-' + n + '.js';
      s.onerror = function () { reject(new Error('cannot load data/rows-' + n + '.js')); };
      document.head.appendChild(s);
    });
  };

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  /** The page of a system: the same file name the report gives it. */
  function systemFile(hsaId) { return 'systems/' + hsaId.replace(/[^0-9A-Za-z_-]/g, '_') + '.html'; }
  function systemLink(hsaId) {
    if (!hsaId) return '<span class="muted">—</span>';
    var s = TAK.data.systems[hsaId.toLowerCase()];
    return '<a class="system" href="' + esc(systemFile(s ? s[0] : hsaId)) + '">' + esc(s ? s[1] : hsaId) + '</a> <span class="muted">' + esc(hsaId) + '</span>';
  }

  var STATUS = { ok: 'routed and authorized', VP004: 'no routing (VP004)', unused: 'no consumer authorized' };
  var PAGE = 200;
  var view = { shards: [], shardPos: 0, rowPos: 0, term: '', status: '' };

  /** The shards to show for a search: a consumer's own when the term names systems, else all of them. */
  function shardsFor(term) {
    var all = TAK.data.shards.map(function (_, i) { return i; });
    if (!term) return { shards: all, filter: '' };
    var t = term.toLowerCase();
    var consumers = {};
    Object.keys(TAK.data.systems).forEach(function (key) {
      var s = TAK.data.systems[key];
      if (key.indexOf(t) >= 0 || s[1].toLowerCase().indexOf(t) >= 0) consumers[key] = true;
    });
    var mine = all.filter(function (i) { return consumers[TAK.data.shards[i][0].toLowerCase()]; });
    return mine.length ? { shards: mine, filter: '' } : { shards: all, filter: t };
  }

  function matches(row, filter, status) {
    if (status && row[8] !== status) return false;
    if (!filter) return true;
    for (var i = 0; i < 6; i++) if (row[i].toLowerCase().indexOf(filter) >= 0) return true;
    return false;
  }

  function render() {
    var info = document.getElementById('page-info');
    var body = document.getElementById('rows');
    if (!view.shards.length) { body.innerHTML = ''; info.textContent = 'no connections'; return; }
    var n = view.shards[view.shardPos];
    info.textContent = 'loading…';
    TAK.load(n).then(function (rows) {
      var shown = rows.filter(function (r) { return matches(r, view.filter, view.status); });
      var page = shown.slice(view.rowPos, view.rowPos + PAGE);
      body.innerHTML = page.map(function (r) {
        var validity = r[6] || r[7] ? esc((r[6] || '…') + ' – ' + (r[7] || '…')) : '<span class="muted">always</span>';
        return '<tr><td>' + systemLink(r[0]) + '</td><td>' + esc(r[1]) + '</td><td>' + esc(r[2]) + '</td><td>' + systemLink(r[3]) +
          '</td><td class="url">' + esc(r[4]) + '</td><td>' + esc(r[5]) + '</td><td>' + validity + '</td><td class="status-' + r[8] + '">' + STATUS[r[8]] + '</td></tr>';
      }).join('');
      info.textContent = 'part ' + (view.shardPos + 1) + ' of ' + view.shards.length + ', rows ' + (shown.length ? view.rowPos + 1 : 0) + '–' +
        Math.min(view.rowPos + PAGE, shown.length) + ' of ' + shown.length + ' here (' + TAK.data.rowCount.toLocaleString('en') + ' in ' + TAK.data.env + ')';
      document.getElementById('prev').disabled = view.shardPos === 0 && view.rowPos === 0;
      document.getElementById('next').disabled = view.shardPos === view.shards.length - 1 && view.rowPos + PAGE >= shown.length;
      view.shownCount = shown.length;
    }, function (error) { info.textContent = error.message; });
  }

  function search(term) {
    var found = shardsFor(term.trim());
    view.term = term.trim(); view.shards = found.shards; view.filter = found.filter; view.shardPos = 0; view.rowPos = 0;
    render();
  }

  TAK.connections = function () {
    var input = document.getElementById('search');
    var status = document.getElementById('status');
    var timer;
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { search(input.value); }, 200); });
    status.addEventListener('change', function () { view.status = status.value; view.rowPos = 0; render(); });
    document.getElementById('prev').addEventListener('click', function () {
      if (view.rowPos > 0) view.rowPos = Math.max(0, view.rowPos - PAGE); else if (view.shardPos > 0) { view.shardPos--; view.rowPos = 0; }
      render();
    });
    document.getElementById('next').addEventListener('click', function () {
      if (view.rowPos + PAGE < view.shownCount) view.rowPos += PAGE; else { view.shardPos++; view.rowPos = 0; }
      render();
    });
    var hash = /[#&]q=([^&]*)/.exec(location.hash);
    input.value = hash ? decodeURIComponent(hash[1]) : '';
    search(input.value);
  };

  /** The graph of who calls whom, drawn with cytoscape (bundled next to this file). */
  TAK.drawGraph = function () {
    var g = TAK.graphData;
    var big = g.nodes.length > 150;
    window.cytoscape({
      container: document.getElementById('graph'),
      elements: g.nodes.map(function (n) { return { data: { id: n.id, label: n.label, file: n.file } }; }).concat(
        g.edges.map(function (e, i) { return { data: { id: 'e' + i, source: e.from, target: e.to, label: e.domains.join(', ') + ' (' + e.count + ')', width: Math.min(8, 1 + Math.log10(e.count)) } }; })),
      layout: { name: big ? 'concentric' : 'cose', animate: false },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#173a5e', color: '#1d2733', 'text-valign': 'bottom' } },
        { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#8aa1b8', 'target-arrow-color': '#8aa1b8', label: big ? '' : 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate' } },
      ],
    }).on('tap', 'node', function (event) { location.href = event.target.data('file'); });
  };

  window.addEventListener('load', function () {
    if (document.getElementById('rows')) TAK.connections();
    if (document.getElementById('graph')) TAK.drawGraph();
  });
})();
