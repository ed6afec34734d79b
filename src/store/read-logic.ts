// Read semantics shared by every way of answering the port's reads (Cypher on a database, or the
// in-memory graph): argument checks, lineage expansion, related-method scoring and search ranking.
import { labelOfId, type NodeLabel, type RelType } from '../model/graph.ts';
import { StoreError } from './errors.ts';
import type { Direction, EdgeRow, GraphStore, ListQuery, NodeRow, RelatedRow, SearchHitRow, Subgraph } from './port.ts';
import { snippetFor } from './rows.ts';

/** String order of tie-breaks: localeCompare's, from one collator instead of one lookup per call. */
export const byLocale = new Intl.Collator().compare;

export const MAX_DEPTH = 10;

/** How many results a `limit` asks for: whole, and none when it is negative. */
export function resultCount(limit: number): number {
  return Math.max(0, Math.floor(limit));
}

export function hops(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DEPTH) throw new StoreError('INVALID', `${name} must be an integer from 1 to ${MAX_DEPTH}`);
  return n;
}

export function groupByLabel(ids: readonly string[]): Map<NodeLabel, string[]> {
  const groups = new Map<NodeLabel, string[]>();
  for (const id of new Set(ids)) {
    const l = typeof id === 'string' ? labelOfId(id) : undefined;
    if (!l) continue;
    groups.set(l, [...(groups.get(l) ?? []), id]);
  }
  return groups;
}

function int(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new StoreError('INVALID', `${name} must be a non-negative integer`);
  return v;
}

/** Rejects list arguments no store can answer, with the same message everywhere; returns offset and limit. */
export function checkList(q: ListQuery): { offset: number; limit: number } {
  const paper = q.label === 'Paper';
  const w = q.where ?? {};
  if (w.conceptId && (q.label === 'Concept' || q.label === 'Organization')) {
    throw new StoreError('INVALID', `${q.label} cannot be filtered by concept`);
  }
  if (w.yearFrom !== undefined && w.yearFrom !== null) int(w.yearFrom, 'yearFrom');
  if (w.yearTo !== undefined && w.yearTo !== null) int(w.yearTo, 'yearTo');
  const field = q.orderBy?.field ?? 'name';
  if (field === 'paperCount') {
    if (paper) throw new StoreError('INVALID', 'papers cannot be ordered by paperCount; order them by name, year or upvotes');
  } else if (field === 'year' || field === 'upvotes') {
    if (!paper) throw new StoreError('INVALID', `${q.label} cannot be ordered by ${field} (only papers can); order it by name or paperCount`);
  } else if (field !== 'name') {
    throw new StoreError('INVALID', `unknown order field ${String(field)}; use name, year, upvotes or paperCount`);
  }
  return { offset: int(q.offset, 'offset'), limit: int(q.limit, 'limit') };
}

/** Best first (ties by id), at most `limit`, each with the snippet that shows why it matched. */
export function rankSearchHits(hits: { node: NodeRow; score: number }[], query: string, limit: number): SearchHitRow[] {
  return hits
    .sort((a, b) => b.score - a.score || byLocale(a.node.id, b.node.id))
    .slice(0, limit)
    .map((h) => ({ ...h, snippet: snippetFor(h.node, query) }));
}

/** The search arguments every store checks the same way; null when nothing can match. */
export function searchArgs(query: string, limit: number): { limit: number } | null {
  const k = resultCount(limit);
  return query.trim() && k > 0 ? { limit: k } : null;
}

export interface LineageOptions {
  direction: Direction | 'BOTH';
  depth: number;
  types: RelType[];
  maxNodes?: number;
}

/**
 * Breadth-first, one batched neighbour call per level, type and direction. Hub methods reach most
 * of a large graph within a few hops, so nodes beyond `maxNodes` are left out (nearest levels first).
 */
export async function expandLineage(
  reads: Pick<GraphStore, 'nodesByIds' | 'neighbours'>,
  id: string,
  opts: LineageOptions,
): Promise<Subgraph> {
  const maxNodes = opts.maxNodes ?? Number.POSITIVE_INFINITY;
  let truncated = false;
  const depth = opts.depth === 0 ? 0 : hops(opts.depth, 'depth');
  const [root] = await reads.nodesByIds([id]);
  if (!root) return { nodes: [], edges: [] };
  const nodes = new Map<string, NodeRow>([[root.id, root]]);
  const edges = new Map<string, EdgeRow>();
  const dirs: Direction[] = opts.direction === 'BOTH' ? ['OUT', 'IN'] : [opts.direction];
  let frontier = [root.id];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    const found = await Promise.all(opts.types.flatMap((t) => dirs.map((d) => reads.neighbours(frontier, t, d))));
    for (const n of found.flat()) {
      if (!nodes.has(n.node.id)) {
        if (nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
        nodes.set(n.node.id, n.node);
        next.push(n.node.id);
      }
      edges.set(`${n.edge.type}\u0000${n.edge.source}\u0000${n.edge.target}`, n.edge);
    }
    // Once full, deeper levels could only add edges among kept nodes: not worth their queries.
    frontier = truncated ? [] : next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

/** What relatedMethods weighs: other methods (`id`) and the name of what links them. */
export interface RelatedInputs {
  buildsOn: { id: string; name: string }[];
  builtOnBy: { id: string; name: string }[];
  comparedWith: { id: string; name: string }[];
  /** One row per shared concept: `name` is the concept's. */
  concepts: { id: string; name: string }[];
  /** One row per shared benchmark: `name` is the benchmark's. */
  benchmarks: { id: string; name: string }[];
  coMentions: { id: string; papers: number }[];
}

/** What each link adds to a related method's score. */
export const RELATED_WEIGHT = {
  buildsOn: 3,
  builtOnBy: 3,
  comparedWith: 2,
  concept: 2,
  benchmark: 1,
  coMentions: (papers: number) => 0.5 * Math.min(papers, 6),
} as const;

/** Related methods by score, then id (byLocale), each with the reasons of its score. */
export function scoreRelated(inputs: RelatedInputs, limit: number): RelatedRow[] {
  const related = new Map<string, RelatedRow>();
  const add = (id: string, score: number, reason: string) => {
    const row = related.get(id) ?? { id, score: 0, reasons: [] };
    related.set(id, row);
    row.score += score;
    row.reasons.push(reason);
  };
  const w = RELATED_WEIGHT;
  for (const r of inputs.buildsOn) add(r.id, w.buildsOn, `builds on ${r.name}`);
  for (const r of inputs.builtOnBy) add(r.id, w.builtOnBy, `is built on by ${r.name}`);
  for (const r of inputs.comparedWith) add(r.id, w.comparedWith, `compared with ${r.name}`);
  for (const r of inputs.concepts) add(r.id, w.concept, `same concept ${r.name}`);
  for (const r of inputs.benchmarks) add(r.id, w.benchmark, `shares benchmark ${r.name}`);
  for (const r of inputs.coMentions) add(r.id, w.coMentions(r.papers), `co-mentioned in ${r.papers} paper${r.papers === 1 ? '' : 's'}`);
  return [...related.values()]
    .sort((a, b) => b.score - a.score || byLocale(a.id, b.id))
    .slice(0, resultCount(limit));
}
