// The Cytoscape canvas: merges LineageGraph results into one drawing and lays it out with dagre.
import { layeredPositions } from './layered-layout.js';
import { cytoscapeStyle } from './style.js';

const { cytoscape } = window; // UMD globals; cytoscape-dagre registered its layout on load.

// Above this many nodes the stylesheet drops curves and small labels, and a linear-time layout replaces dagre.
const LARGE = 400;
const MAX_FIT_ZOOM = 1.3;

const edgeId = (e) => `${e.source}|${e.type}|${e.target}`;

function waitForFrame(cy) {
  return new Promise((resolve) => {
    cy.one('render', () => requestAnimationFrame(() => resolve()));
    cy.forceRender();
  });
}

/**
 * `handlers`: onNodeTap(node), onEdgeTap(edge), onHover({kind, data, x, y} | null), onBackgroundTap().
 * Node and edge data are the LineageGraph's own fields.
 */
export function createGraphView(container, handlers) {
  let large = false;
  const cy = cytoscape({
    container,
    style: cytoscapeStyle({ large }),
    minZoom: 0.03,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });

  function setLarge(next) {
    if (next === large) return;
    large = next;
    cy.style(cytoscapeStyle({ large }));
  }

  const missing = (id) => cy.getElementById(id).empty();

  /** Adds what is new in `graph` in one batch; returns how many nodes were added. */
  function merge(graph) {
    // Keyed by id: a result may repeat a node, or an edge that several papers support.
    const nodes = new Map();
    for (const n of graph.nodes) {
      if (missing(n.id)) nodes.set(n.id, { group: 'nodes', data: { id: n.id, name: n.name ?? n.id, type: n.type } });
    }
    // Switch stylesheet before adding, so the new elements are styled once.
    setLarge(cy.nodes().length + nodes.size > LARGE);
    const edges = new Map();
    cy.batch(() => {
      cy.add([...nodes.values()]);
      for (const e of graph.edges) {
        const id = edgeId(e);
        if (!missing(id) || edges.has(id) || missing(e.source) || missing(e.target)) continue;
        const data = { id, source: e.source, target: e.target, type: e.type, evidence: e.evidence, paper: e.paper };
        edges.set(id, { group: 'edges', data });
      }
      cy.add([...edges.values()]);
    });
    return nodes.size;
  }

  /**
   * Ancestry reads left to right: an edge A -BUILDS_ON-> B puts B (the ancestor) left of A.
   * BUILDS_ON edges weigh more so they, not comparisons, decide the columns.
   */
  function layout() {
    const common = { animate: false, fit: false };
    if (large) {
      cy.layout({ name: 'preset', positions: layeredPositions(cy), ...common }).run();
    } else {
      cy.layout({
        name: 'dagre',
        rankDir: 'RL',
        // Columns as wide as their labels, so names never run into the next column.
        nodeDimensionsIncludeLabels: true,
        nodeSep: 10,
        rankSep: 60,
        edgeSep: 8,
        edgeWeight: (e) => (e.data('type') === 'BUILDS_ON' ? 4 : 1),
        ...common,
      }).run();
    }
    fitTo(cy.elements(), 40);
  }

  function fitTo(eles, padding) {
    cy.fit(eles, padding);
    // A handful of nodes would otherwise be blown up to fill the canvas.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(eles);
    }
  }

  /** Draws `graph` (merged with what is there unless `replace`) and resolves with ms until painted. */
  async function render(graph, { replace = false, focus } = {}) {
    const t0 = performance.now();
    if (replace) cy.elements().remove();
    const added = merge(graph);
    if (focus) {
      cy.nodes('.focus').removeClass('focus');
      cy.getElementById(focus).addClass('focus');
    }
    const t1 = performance.now();
    if (added || replace) layout();
    const layoutMs = performance.now() - t1;
    await waitForFrame(cy);
    return { ms: performance.now() - t0, layoutMs, added, nodes: cy.nodes().length, edges: cy.edges().length };
  }

  /** Dims everything but `graph`'s nodes and edges, which are drawn in the path colour. */
  function highlight(graph) {
    clearHighlight();
    const ids = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map(edgeId)]);
    cy.batch(() => {
      cy.elements().forEach((el) => {
        el.addClass(ids.has(el.id()) ? 'path' : 'dim');
      });
    });
    fitTo(cy.elements('.path'), 80);
  }

  function clearHighlight() {
    cy.elements().removeClass('path dim');
  }

  cy.on('tap', 'node', (e) => handlers.onNodeTap(e.target.data()));
  cy.on('tap', 'edge', (e) => handlers.onEdgeTap(e.target.data()));
  cy.on('tap', (e) => {
    if (e.target === cy) handlers.onBackgroundTap();
  });
  cy.on('mouseover', 'node, edge', (e) => {
    e.target.addClass('hover');
    const kind = e.target.isNode() ? 'node' : 'edge';
    const { clientX: x, clientY: y } = e.originalEvent;
    handlers.onHover({ kind, data: e.target.data(), x, y });
  });
  cy.on('mouseout', 'node, edge', (e) => {
    e.target.removeClass('hover');
    handlers.onHover(null);
  });
  cy.on('pan zoom', () => handlers.onHover(null));

  return {
    cy,
    render,
    highlight,
    clearHighlight,
    markExpanded: (id) => cy.getElementById(id).addClass('expanded'),
    name: (id) => cy.getElementById(id).data('name'),
    fit: () => fitTo(cy.elements(), 40),
  };
}
