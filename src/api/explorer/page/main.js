// Wires the explorer together: search -> lineage drawing, node expansion, side panel, path mode, URL state.
import { createGraphView } from './graph-view.js';
import { fetchLineage, fetchPath } from './graphql.js';
import { drawLegend } from './legend.js';
import { createSearchBox } from './search-box.js';
import { createSidePanel } from './side-panel.js';
import { createTooltip } from './tooltip.js';

const $ = (sel) => document.querySelector(sel);
const status = (text) => {
  $('#status').textContent = text;
};
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

const view = createGraphView($('#graph'), {
  onNodeTap: (node) => expand(node),
  onEdgeTap: (edge) => edge.paper && panel.showPaper(edge.paper.id),
  onHover: (hover) => tooltip(hover),
  onBackgroundTap: () => view.clearHighlight(),
});
const tooltip = createTooltip($('#tooltip'), (id) => view.name(id) ?? id);
const panel = createSidePanel($('#panel'), {
  openPaper: (id) => panel.showPaper(id),
  drawLineage: (hit) => showLineage(hit),
});
drawLegend($('#legend'));

function report(verb, result) {
  status(`${verb}: ${plural(result.nodes, 'node')}, ${plural(result.edges, 'edge')} · drawn in ${Math.round(result.ms)} ms`);
}

async function guarded(work) {
  try {
    await work();
  } catch (err) {
    status(`Error: ${err.message}`);
    console.error(err);
  }
}

/** Draws `hit`'s lineage afresh with the chosen depth and direction. */
function showLineage(hit) {
  return guarded(async () => {
    const depth = Number($('#depth').value);
    const direction = $('#direction').value;
    status(`Loading the lineage of ${hit.name}…`);
    const graph = await fetchLineage(hit.id, { depth, direction });
    let self = graph.nodes.find((n) => n.id === hit.id);
    // An entity with no lineage edges still deserves a node to click.
    if (!self) graph.nodes.push((self = { id: hit.id, name: hit.name, type: hit.type }));
    search.set(self);
    const result = await view.render(graph, { replace: true, focus: self.id });
    view.markExpanded(self.id);
    report(`Lineage of ${self.name}`, result);
    panel.showEntity(self.id);
    history.replaceState(null, '', `?${new URLSearchParams({ id: self.id, depth, direction })}`);
  });
}

const ENTITY_TYPES = new Set(['METHOD', 'MODEL', 'BENCHMARK', 'METRIC']);

/** Merges the node's direct neighbours into the drawing; papers (reached by a path) just open. */
function expand(node) {
  if (node.type === 'PAPER') return panel.showPaper(node.id);
  return guarded(async () => {
    if (ENTITY_TYPES.has(node.type)) panel.showEntity(node.id);
    view.markExpanded(node.id);
    const graph = await fetchLineage(node.id, { depth: 1, direction: 'BOTH' });
    const result = await view.render(graph);
    report(`Expanded ${node.name} (+${result.added})`, result);
  });
}

// Path mode: two type-ahead boxes; the shortest connection is merged into the drawing and highlighted.
const ends = {};
createSearchBox($('#path-from'), (hit) => (ends.from = hit));
createSearchBox($('#path-to'), (hit) => (ends.to = hit));

/** The path's node ids from `start`, following its edges whichever way they point. */
function pathOrder(graph, start) {
  const order = [start];
  const left = [...graph.edges];
  for (let at = start, i; (i = left.findIndex((e) => e.source === at || e.target === at)) >= 0; ) {
    const [e] = left.splice(i, 1);
    order.push((at = e.source === at ? e.target : e.source));
  }
  return order;
}

function findPath() {
  return guarded(async () => {
    const { from, to } = ends;
    if (!from || !to) return status('Pick both techniques from the suggestions first.');
    const maxHops = Number($('#max-hops').value);
    status(`Looking for a path from ${from.name} to ${to.name}…`);
    const graph = await fetchPath(from.id, to.id, maxHops);
    if (!graph || !graph.nodes.length) {
      view.clearHighlight();
      return status(`No connection between ${from.name} and ${to.name} within ${plural(maxHops, 'hop')}.`);
    }
    await view.render(graph);
    view.highlight(graph);
    const names = pathOrder(graph, from.id).map((id) => view.name(id) ?? id);
    status(`Path ${from.name} → ${to.name}: ${plural(graph.edges.length, 'hop')} (${names.join(' – ')})`);
  });
}

$('#path-form').addEventListener('submit', (e) => {
  e.preventDefault();
  findPath();
});

function setMode(mode) {
  for (const m of ['lineage', 'path']) {
    $(`#mode-${m}`).setAttribute('aria-selected', String(m === mode));
    $(`#${m}-form`).hidden = m !== mode;
  }
  if (mode === 'lineage') view.clearHighlight();
}
$('#mode-lineage').addEventListener('click', () => setMode('lineage'));
$('#mode-path').addEventListener('click', () => setMode('path'));

const search = createSearchBox($('#search'), (hit) => showLineage(hit));
$('#lineage-form').addEventListener('submit', (e) => e.preventDefault());
for (const sel of ['#depth', '#direction']) {
  $(sel).addEventListener('change', () => {
    const id = $('#search').dataset.id;
    if (id) showLineage({ id, name: $('#search').value });
  });
}
$('#fit').addEventListener('click', () => view.fit());

// Deep links: /explore?id=method:x&depth=2&direction=BOTH redraws that lineage.
const params = new URLSearchParams(location.search);
if (params.get('depth')) $('#depth').value = params.get('depth');
if (params.get('direction')) $('#direction').value = params.get('direction');
if (params.get('id')) showLineage({ id: params.get('id'), name: params.get('id') });

// Hooks for tests and the console: the Cytoscape instance, and drawing an arbitrary LineageGraph.
window.cy = view.cy;
window.explorer = { render: view.render, showLineage, expand, findPath };
