// Hover card: a node's full name, or an edge's relationship with its evidence sentence and paper.
import { EDGE_STYLES, typeLabel } from './style.js';

function line(className, text) {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}

/** `nameOf(id)` labels edge ends; returns show({kind, data, x, y} | null). */
export function createTooltip(root, nameOf) {
  return function show(hover) {
    if (!hover) {
      root.hidden = true;
      return;
    }
    const { kind, data, x, y } = hover;
    if (kind === 'node') {
      root.replaceChildren(line('title', `${data.name} (${typeLabel(data.type)})`));
    } else {
      const verb = EDGE_STYLES[data.type]?.label ?? data.type;
      root.replaceChildren(
        line('title', `${nameOf(data.source)} ${verb} ${nameOf(data.target)}`),
        line('evidence', data.evidence ? `“${data.evidence}”` : 'No evidence sentence recorded.'),
      );
      if (data.paper) root.append(line('source', `— ${data.paper.title ?? data.paper.id} (click to open)`));
    }
    root.hidden = false;
    // Keep the card inside the window.
    const { width, height } = root.getBoundingClientRect();
    root.style.left = `${Math.min(x + 14, innerWidth - width - 8)}px`;
    root.style.top = `${Math.min(y + 14, innerHeight - height - 8)}px`;
  };
}
