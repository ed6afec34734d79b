// Reading a node's relationships through the request's DataLoaders.
import type { NodeLabel, RelType } from '../../model/graph.ts';
import type { Direction, NeighbourRow, NodeRow } from '../../store/port.ts';
import type { ApiContext } from '../context.ts';
import type { EntityRow, PaperRow } from '../mappers.ts';

/** Relationship rows of one node over several types, loaded side by side so they batch together. */
export async function links(ctx: ApiContext, id: string, types: RelType[], direction: Direction): Promise<NeighbourRow[]> {
  const lists = await Promise.all(types.map((t) => ctx.loaders.neighbours(t, direction).load(id)));
  return lists.flat();
}

/** The distinct nodes at the far end of a node's relationships, optionally of some labels only. */
export async function linkedNodes(
  ctx: ApiContext,
  id: string,
  types: RelType[],
  direction: Direction,
  labels?: NodeLabel[],
): Promise<NodeRow[]> {
  const seen = new Map<string, NodeRow>();
  for (const row of await links(ctx, id, types, direction)) {
    if (labels && !labels.includes(row.node.label)) continue;
    if (!seen.has(row.node.id)) seen.set(row.node.id, row.node);
  }
  return [...seen.values()];
}

export const PAPER_LINKS: RelType[] = ['PROPOSES', 'MENTIONS'];

/** Papers that propose or mention an entity, newest first. */
export async function papersAbout(ctx: ApiContext, id: string): Promise<PaperRow[]> {
  return newestFirst((await linkedNodes(ctx, id, PAPER_LINKS, 'IN', ['Paper'])) as PaperRow[]);
}

/** Entities a paper proposes or mentions. */
export async function entitiesOf(ctx: ApiContext, paperId: string): Promise<EntityRow[]> {
  return (await linkedNodes(ctx, paperId, PAPER_LINKS, 'OUT', ['Method', 'Model', 'Benchmark', 'Metric'])) as EntityRow[];
}

export function newestFirst(papers: PaperRow[]): PaperRow[] {
  return papers.sort(
    (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.title ?? a.key).localeCompare(b.title ?? b.key),
  );
}

export function byName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
