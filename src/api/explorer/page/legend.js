// The legend: what node colours and edge strokes mean, drawn from the same tables as the graph style.
import { EDGE_STYLES, NODE_COLOURS, typeLabel } from './style.js';

const LEGEND_NODES = ['METHOD', 'MODEL', 'BENCHMARK', 'PAPER'];

function row(mark, text) {
  const li = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = text;
  li.append(mark, label);
  return li;
}

function list(title, rows) {
  const h = document.createElement('h4');
  h.textContent = title;
  const ul = document.createElement('ul');
  ul.append(...rows);
  return [h, ul];
}

export function drawLegend(root) {
  const nodes = LEGEND_NODES.map((type) => {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = NODE_COLOURS[type];
    return row(swatch, typeLabel(type));
  });
  const edges = Object.entries(EDGE_STYLES)
    .filter(([type]) => type === 'BUILDS_ON' || type === 'COMPARED_WITH')
    .map(([, e]) => {
      const stroke = document.createElement('span');
      stroke.className = 'stroke';
      stroke.style.borderTop = `${e.width}px ${e.line} ${e.colour}`;
      return row(stroke, `A → B: A ${e.label} B`);
    });
  const other = document.createElement('span');
  other.className = 'stroke';
  other.style.borderTop = '2px dotted #9ca3af';
  edges.push(row(other, 'evaluated on, applied to, …'));
  root.replaceChildren(...list('Nodes', nodes), ...list('Edges', edges));
}
