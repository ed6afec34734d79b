// Walks the whole graph through the store port, page by page, so exports never hold it all at once.
import { NODE_LABELS, REL_ENDPOINTS, REL_TYPES } from '../model/graph.ts';
import type { EdgeRow, GraphStore, NodeRow } from '../store/port.ts';

const PAGE = 1000;

export async function* walkNodes(store: GraphStore): AsyncGenerator<NodeRow[]> {
  for (const label of NODE_LABELS) {
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await store.list({ label, offset, limit: PAGE, orderBy: { field: 'name', direction: 'ASC' } });
      if (rows.length) yield rows;
      if (rows.length < PAGE) break;
    }
  }
}

/** Every relationship once: outgoing edges of each page of source nodes. */
export async function* walkEdges(store: GraphStore): AsyncGenerator<EdgeRow[]> {
  for await (const page of walkNodes(store)) {
    const label = page[0]!.label;
    const ids = page.map((n) => n.id);
    for (const type of REL_TYPES) {
      if (!REL_ENDPOINTS[type].some(([from]) => from === label)) continue;
      const rows = await store.neighbours(ids, type, 'OUT');
      if (rows.length) yield rows.map((r) => r.edge);
    }
  }
}
