// Per-request DataLoaders: every relationship field of a query level becomes one batched store call.
// Loaders are keyed by node id, one loader per (relationship type, direction); fields that need
// only some labels filter the loaded rows, so e.g. Paper.methods and Paper.models share one call.
import DataLoader from 'dataloader';
import { observeBatchSize } from '../../observability/metrics.ts';
import type { RelType } from '../../model/graph.ts';
import type { Direction, GraphStore, NeighbourRow, NodeRow } from '../../store/port.ts';

export interface Loaders {
  node: DataLoader<string, NodeRow | null>;
  paperCount: DataLoader<string, number>;
  /** The loader of one (type, direction); created on first use. */
  neighbours(type: RelType, direction: Direction): DataLoader<string, NeighbourRow[]>;
}

export function createLoaders(store: GraphStore): Loaders {
  const node = new DataLoader<string, NodeRow | null>((ids) => {
    observeBatchSize('node', ids.length);
    return store.nodesByIds(ids);
  });

  const paperCount = new DataLoader<string, number>(async (ids) => {
    observeBatchSize('paperCount', ids.length);
    const counts = await store.paperCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });

  const byRel = new Map<string, DataLoader<string, NeighbourRow[]>>();
  function neighbours(type: RelType, direction: Direction): DataLoader<string, NeighbourRow[]> {
    const key = `${type}:${direction}`;
    let loader = byRel.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        observeBatchSize(`neighbours:${key}`, ids.length);
        const rows = await store.neighbours(ids, type, direction);
        const grouped = new Map<string, NeighbourRow[]>(ids.map((id) => [id, []]));
        for (const row of rows) {
          grouped.get(row.of)?.push(row);
          // The far end is a full node row: later lookups of it by id need no store call.
          node.prime(row.node.id, row.node);
        }
        return ids.map((id) => grouped.get(id)!);
      });
      byRel.set(key, loader);
    }
    return loader;
  }

  return { node, paperCount, neighbours };
}
