// Visual encoding shared by the graph and the legend: node colour by type, edge style by relationship.

// Keyed by the API's EntityType.
export const NODE_COLOURS = {
  METHOD: '#2f6fde',
  MODEL: '#8e44c9',
  BENCHMARK: '#e07b16',
  METRIC: '#15998a',
  CONCEPT: '#4a9a2f',
  PAPER: '#6b7280',
  ORGANIZATION: '#b3475c',
};

/** `METHOD` -> `method`, for badges and tooltips. */
export const typeLabel = (type) => (type ?? 'node').toLowerCase();

export const EDGE_STYLES = {
  BUILDS_ON: { label: 'builds on', line: 'solid', colour: '#374151', width: 2.2 },
  COMPARED_WITH: { label: 'compared with', line: 'dashed', colour: '#9a5b13', width: 1.6 },
  EVALUATED_ON: { label: 'evaluated on', line: 'dotted', colour: '#9ca3af', width: 1.4 },
  APPLIED_TO: { label: 'applied to', line: 'dotted', colour: '#9ca3af', width: 1.4 },
  IN_CONCEPT: { label: 'in concept', line: 'dotted', colour: '#c4c9d1', width: 1.2 },
};

/** Cytoscape stylesheet; `large` trades curves and label detail for frame rate on big graphs. */
export function cytoscapeStyle({ large }) {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'background-color': '#9ca3af',
        width: 18,
        height: 18,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 170,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
        // Below this on-screen size labels are skipped, which keeps zoomed-out big graphs fast.
        'min-zoomed-font-size': large ? 9 : 5,
      },
    },
    // Plain selectors rather than mapper functions: Cytoscape caches them, which matters at 2,000 nodes.
    ...Object.entries(NODE_COLOURS).map(([type, colour]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': colour },
    })),
    { selector: 'node[type = "METHOD"]', style: { shape: 'ellipse' } },
    { selector: 'node[type = "MODEL"]', style: { shape: 'round-rectangle' } },
    { selector: 'node[type = "BENCHMARK"]', style: { shape: 'diamond' } },
    { selector: 'node[type = "PAPER"]', style: { shape: 'rectangle', width: 12, height: 14 } },
    { selector: 'node.focus', style: { width: 28, height: 28, 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#111827' } },
    { selector: 'node:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#c4c9d1',
        'line-style': 'dotted',
        'target-arrow-color': '#c4c9d1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': large ? 'straight' : 'bezier',
      },
    },
    ...Object.entries(EDGE_STYLES).map(([type, e]) => ({
      selector: `edge[type = "${type}"]`,
      style: { width: e.width, 'line-color': e.colour, 'line-style': e.line, 'target-arrow-color': e.colour },
    })),
    { selector: 'edge[type = "COMPARED_WITH"]', style: { 'line-dash-pattern': [6, 4], 'target-arrow-shape': 'vee' } },
    { selector: 'edge.hover', style: { width: 4, 'z-index': 10 } },
    { selector: '.dim', style: { opacity: 0.15 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#dc2626', 'z-index': 10 } },
    { selector: 'edge.path', style: { width: 5, 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'z-index': 10 } },
  ];
}
