// The side panel: details of the chosen entity (aliases, introducing papers) or of a paper.
import { fetchEntity, fetchPaper } from './graphql.js';
import { NODE_COLOURS, typeLabel } from './style.js';

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c != null && c !== ''));
  return node;
}

function badge(type) {
  const b = el('span', { className: 'badge', textContent: typeLabel(type) });
  b.style.background = NODE_COLOURS[type] ?? '#9ca3af';
  return b;
}

/** `actions`: openPaper(id), drawLineage({id, name, type}). */
export function createSidePanel(root, actions) {
  let shown = null; // guards against a slow response overwriting a newer choice

  function paperLink(p) {
    const b = el('button', { className: 'link paper-link', type: 'button', textContent: p.title ?? '(untitled paper)' });
    b.dataset.id = p.id;
    b.addEventListener('click', () => actions.openPaper(p.id));
    return el('li', {}, b, p.publishedAt ? el('span', { className: 'muted', textContent: ` ${p.publishedAt}` }) : null);
  }

  function entityChip(e, type) {
    const b = el('button', { className: 'chip', type: 'button', textContent: e.name });
    b.dataset.id = e.id;
    b.style.borderColor = NODE_COLOURS[type] ?? '#9ca3af';
    b.addEventListener('click', () => actions.drawLineage({ id: e.id, name: e.name, type }));
    return b;
  }

  function section(title, items) {
    if (!items.length) return null;
    return el('section', {}, el('h3', { textContent: title }), ...items);
  }

  async function load(key, fetcher, draw) {
    shown = key;
    root.replaceChildren(el('p', { className: 'muted', textContent: 'Loading…' }));
    try {
      const data = await fetcher();
      if (shown === key) root.replaceChildren(...draw(data));
    } catch (err) {
      if (shown === key) root.replaceChildren(el('p', { className: 'error', textContent: err.message }));
    }
  }

  function showEntity(id) {
    return load(`entity:${id}`, () => fetchEntity(id), (n) => {
      if (!n) return [el('p', { className: 'muted', textContent: `No entity ${id}` })];
      const papers = n.introducedBy ?? [];
      return [
        el('h2', { textContent: n.name }),
        el('p', {}, badge(n.type), n.paperCount != null ? el('span', { className: 'muted', textContent: ` in ${n.paperCount} papers` }) : null),
        n.aliases?.length ? el('p', { className: 'aliases', textContent: `Also: ${n.aliases.join(', ')}` }) : null,
        papers.length
          ? section('Introduced by', [el('ul', { className: 'papers' }, ...papers.map(paperLink))])
          : el('p', { className: 'muted', textContent: 'No introducing paper in the corpus.' }),
      ].filter(Boolean);
    });
  }

  function showPaper(id) {
    return load(`paper:${id}`, () => fetchPaper(id), (p) => {
      if (!p) return [el('p', { className: 'muted', textContent: `No paper ${id}` })];
      const proposed = new Set(p.proposes.map((e) => e.id));
      const used = (list, type) => list.filter((e) => !proposed.has(e.id)).map((e) => entityChip(e, type));
      return [
        el('h2', { className: 'paper-title', textContent: p.title ?? '(untitled paper)' }),
        el('p', { className: 'muted' }, p.publishedAt ?? 'date unknown', p.url ? ' · ' : null, p.url ? el('a', { href: p.url, textContent: 'source', rel: 'noopener', target: '_blank' }) : null),
        section('Proposes', p.proposes.map((e) => entityChip(e, e.type))),
        section('Methods', used(p.methods, 'METHOD')),
        section('Models', used(p.models, 'MODEL')),
        section('Benchmarks', used(p.benchmarks, 'BENCHMARK')),
        el('section', {}, el('h3', { textContent: 'Abstract' }), el('p', { className: 'abstract', textContent: p.abstract })),
      ].filter(Boolean);
    });
  }

  return { showEntity, showPaper };
}
