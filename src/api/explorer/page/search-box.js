// Type-ahead over the search API: an ARIA combobox that reports the chosen hit.
import { searchEntities } from './graphql.js';
import { NODE_COLOURS, typeLabel } from './style.js';

const DEBOUNCE_MS = 150;
let nextId = 0;

/** Wires `input` to a listbox it creates; `onChoose({id, name, type})` runs when a hit is picked. */
export function createSearchBox(input, onChoose) {
  const list = document.createElement('ul');
  list.className = 'hits';
  list.id = `hits-${nextId++}`;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let hits = [];
  let active = -1;
  let timer;
  let inflight;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  }

  function choose(hit) {
    // A lookup still pending for the last keystroke must not reopen the list.
    clearTimeout(timer);
    inflight?.abort();
    input.value = hit.name;
    input.dataset.id = hit.id;
    close();
    onChoose(hit);
  }

  function highlight(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
  }

  function show(found) {
    hits = found;
    list.replaceChildren(
      ...found.map((hit, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.dataset.id = hit.id;
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = typeLabel(hit.type);
        badge.style.background = NODE_COLOURS[hit.type] ?? '#9ca3af';
        const name = document.createElement('span');
        name.className = 'hit-name';
        name.textContent = hit.name;
        li.append(badge, name);
        if (hit.snippet) {
          const snip = document.createElement('span');
          snip.className = 'hit-snippet';
          snip.textContent = hit.snippet;
          li.append(snip);
        }
        // mousedown, not click: it fires before the input's blur closes the list.
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(hit);
        });
        return li;
      }),
    );
    if (!found.length) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No matching methods, models or benchmarks';
      list.append(li);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(found.length ? 0 : -1);
  }

  async function lookup(text) {
    inflight?.abort();
    inflight = new AbortController();
    try {
      show(await searchEntities(text, inflight.signal));
    } catch (err) {
      if (err.name !== 'AbortError') console.error(err);
    }
  }

  input.addEventListener('input', () => {
    delete input.dataset.id;
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      inflight?.abort();
      close();
      return;
    }
    timer = setTimeout(() => lookup(text), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    if (list.hidden || !hits.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + hits.length) % hits.length);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });

  input.addEventListener('blur', close);

  return {
    /** Fills the box without searching, e.g. when a node is picked on the canvas. */
    set(hit) {
      input.value = hit.name;
      input.dataset.id = hit.id;
    },
  };
}
