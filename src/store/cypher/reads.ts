// The port's read methods written once over a query runner; adapters supply the runner and the
// few dialect-specific reads (full-text search, shortest path).
import { NODE_LABELS, REL_ENDPOINTS, REL_TYPES, labelOfId, type NodeLabel, type RelType } from '../../model/graph.ts';
import { StoreError } from '../errors.ts';
import type {
  Direction,
  EdgeRow,
  GraphCounts,
  ListQuery,
  NeighbourRow,
  NodeRow,
  RelatedRow,
  SearchHitRow,
  Subgraph,
  TrendRow,
} from '../port.ts';
import { snippetFor, toNodeRow } from '../rows.ts';
import { Q, listQueries, relType } from './queries.ts';

/** A node as a runner returns it: label, properties and the database's internal reference (to join path edges). */
export class DecodedNode {
  constructor(
    readonly label: string,
    readonly props: Record<string, unknown>,
    readonly ref: string,
  ) {}
}

export type ResultRow = Record<string, unknown>;

export interface Dialect {
  search(query: string, labels: readonly NodeLabel[], limit: number): Promise<{ node: NodeRow; score: number }[]>;
  shortestPath(from: [NodeLabel, string], to: [NodeLabel, string], maxHops: number): Promise<Subgraph | null>;
}

export const MAX_DEPTH = 10;

export function nodeRowOf(v: unknown): NodeRow | null {
  if (!(v instanceof DecodedNode)) return null;
  return NODE_LABELS.includes(v.label as NodeLabel) ? toNodeRow(v.label as NodeLabel, v.props) : null;
}

/** A path from a runner: nodes as DecodedNode, relationships as property maps with `_label`, `_src` and `_dst` refs. */
export function pathOf(rawNodes: unknown[], rawRels: Record<string, unknown>[]): Subgraph {
  const idByRef = new Map<string, string>();
  const nodes: NodeRow[] = [];
  for (const n of rawNodes) {
    const row = nodeRowOf(n);
    if (!row) continue;
    idByRef.set((n as DecodedNode).ref, row.id);
    nodes.push(row);
  }
  const edges = rawRels.map((r) =>
    edgeOf(r._label as RelType, { ...r, source: idByRef.get(String(r._src)), target: idByRef.get(String(r._dst)) }),
  );
  return { nodes, edges };
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

function edgeOf(type: RelType, r: ResultRow): EdgeRow {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { type, source: String(r.source), target: String(r.target), evidence: s(r.evidence), paperId: s(r.paperId), outcome: s(r.outcome) };
}

export function hops(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DEPTH) throw new StoreError('INVALID', `${name} must be an integer from 1 to ${MAX_DEPTH}`);
  return n;
}

export abstract class CypherReads {
  /** Runs a read query; nodes in the result come back as DecodedNode. */
  abstract read(query: string, params?: Record<string, unknown>): Promise<ResultRow[]>;
  protected abstract readonly dialect: Dialect;

  async nodesByIds(ids: readonly string[]): Promise<(NodeRow | null)[]> {
    const found = new Map<string, NodeRow>();
    await Promise.all(
      [...groupByLabel(ids)].map(async ([l, group]) => {
        for (const r of await this.read(Q.nodesByIds(l), { ids: group })) {
          const row = nodeRowOf(r.node);
          if (row) found.set(row.id, row);
        }
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  async neighbours(
    ids: readonly string[],
    type: RelType,
    direction: Direction,
    opts: { labels?: NodeLabel[] } = {},
  ): Promise<NeighbourRow[]> {
    relType(type);
    const groups = groupByLabel(ids);
    const wanted = opts.labels?.length ? new Set(opts.labels) : null;
    // One query per label at the near end: the far end is labelled only when it can have one label
    // (a labelled far end lets the planner skip the other tables); otherwise it is left open and
    // the wanted labels are kept here, instead of one query per label pair.
    const farLabels = new Map<NodeLabel, Set<NodeLabel>>();
    for (const [from, to] of REL_ENDPOINTS[type]) {
      const [near, far] = direction === 'OUT' ? [from, to] : [to, from];
      if (!groups.has(near) || (wanted && !wanted.has(far))) continue;
      farLabels.set(near, (farLabels.get(near) ?? new Set()).add(far));
    }
    const jobs: Promise<NeighbourRow[]>[] = [];
    for (const [near, fars] of farLabels) {
      const possible = REL_ENDPOINTS[type].filter(([f, t]) => (direction === 'OUT' ? f : t) === near).length;
      const far = fars.size === 1 && (possible === 1 || wanted) ? [...fars][0]! : null;
      const text = direction === 'OUT' ? Q.neighboursOut(type, near, far) : Q.neighboursIn(type, far, near);
      jobs.push(
        this.read(text, { ids: groups.get(near)! }).then((rows) =>
          rows.flatMap((r) => {
            const node = nodeRowOf(r.node);
            return node && fars.has(node.label) ? [{ of: String(r.of), edge: edgeOf(type, r), node }] : [];
          }),
        ),
      );
    }
    return (await Promise.all(jobs)).flat();
  }

  async paperCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(ids.map((id) => [id, 0]));
    await Promise.all(
      [...groupByLabel(ids)]
        .filter(([l]) => l !== 'Paper')
        .map(async ([l, group]) => {
          for (const r of await this.read(Q.paperCounts(l), { ids: group })) counts.set(String(r.id), Number(r.count));
        }),
    );
    return counts;
  }

  async list(query: ListQuery): Promise<{ rows: NodeRow[]; totalCount: number }> {
    const text = listQueries(query);
    const [total, page] = await Promise.all([this.read(text.count, text.params), this.read(text.page, text.params)]);
    return {
      rows: page.map((r) => nodeRowOf(r.node)).filter((r): r is NodeRow => r !== null),
      totalCount: Number(total[0]?.total ?? 0),
    };
  }

  async search(query: string, opts: { labels?: NodeLabel[]; limit: number }): Promise<SearchHitRow[]> {
    if (!query.trim()) return [];
    const labels = opts.labels?.length ? opts.labels : NODE_LABELS;
    const limit = Math.max(0, Math.floor(opts.limit));
    if (limit === 0) return [];
    const hits = await this.dialect.search(query, labels, limit);
    return hits
      .sort((a, b) => b.score - a.score || a.node.id.localeCompare(b.node.id))
      .slice(0, limit)
      .map((h) => ({ ...h, snippet: snippetFor(h.node, query) }));
  }

  /**
   * Breadth-first, one batched neighbour query per level and direction. Hub methods reach most of
   * a large graph within a few hops, so nodes beyond `maxNodes` are left out (nearest levels first).
   */
  async lineage(
    id: string,
    opts: { direction: Direction | 'BOTH'; depth: number; types: RelType[]; maxNodes?: number },
  ): Promise<Subgraph> {
    const maxNodes = opts.maxNodes ?? Number.POSITIVE_INFINITY;
    let truncated = false;
    const depth = opts.depth === 0 ? 0 : hops(opts.depth, 'depth');
    const [root] = await this.nodesByIds([id]);
    if (!root) return { nodes: [], edges: [] };
    const nodes = new Map<string, NodeRow>([[root.id, root]]);
    const edges = new Map<string, EdgeRow>();
    const dirs: Direction[] = opts.direction === 'BOTH' ? ['OUT', 'IN'] : [opts.direction];
    let frontier = [root.id];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      const found = await Promise.all(opts.types.flatMap((t) => dirs.map((d) => this.neighbours(frontier, t, d))));
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

  async shortestPath(from: string, to: string, opts: { maxHops: number }): Promise<Subgraph | null> {
    const maxHops = hops(opts.maxHops, 'maxHops');
    const [a, b] = await this.nodesByIds([from, to]);
    if (!a || !b) return null;
    if (a.id === b.id) return { nodes: [a], edges: [] };
    return this.dialect.shortestPath([a.label, a.id], [b.label, b.id], maxHops);
  }

  async relatedMethods(id: string, limit: number): Promise<RelatedRow[]> {
    const p = { id };
    const [named, benchmarks, concepts, coMentions, buildsOn, builtOnBy, compared] = await Promise.all([
      this.read(Q.methodName, p),
      this.read(Q.sharedBenchmarks, p),
      this.read(Q.sharedConcepts, p),
      this.read(Q.coMentions, p),
      this.read(Q.buildsOn, p),
      this.read(Q.builtOnBy, p),
      this.read(Q.comparedWith, p),
    ]);
    if (named.length === 0) return [];
    const related = new Map<string, RelatedRow>();
    const add = (other: unknown, score: number, reason: string) => {
      const key = String(other);
      const row = related.get(key) ?? { id: key, score: 0, reasons: [] };
      related.set(key, row);
      row.score += score;
      row.reasons.push(reason);
    };
    for (const r of buildsOn) add(r.id, 3, `builds on ${String(r.name)}`);
    for (const r of builtOnBy) add(r.id, 3, `is built on by ${String(r.name)}`);
    for (const r of compared) add(r.id, 2, `compared with ${String(r.name)}`);
    for (const r of concepts) add(r.id, 2, `same concept ${String(r.name)}`);
    for (const r of benchmarks) add(r.id, 1, `shares benchmark ${String(r.name)}`);
    for (const r of coMentions) {
      const n = Number(r.papers);
      add(r.id, 0.5 * Math.min(n, 6), `co-mentioned in ${n} paper${n === 1 ? '' : 's'}`);
    }
    return [...related.values()]
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, Math.max(0, Math.floor(limit)));
  }

  async counts(): Promise<GraphCounts> {
    const nodeCounts = await Promise.all(NODE_LABELS.map((l) => this.read(Q.countNodes(l))));
    const relCounts = await Promise.all(REL_TYPES.map((t) => this.read(Q.countRels(t))));
    return {
      nodes: Object.fromEntries(NODE_LABELS.map((l, i) => [l, Number(nodeCounts[i]![0]?.count ?? 0)])) as GraphCounts['nodes'],
      relationships: Object.fromEntries(REL_TYPES.map((t, i) => [t, Number(relCounts[i]![0]?.count ?? 0)])) as GraphCounts['relationships'],
    };
  }

  async trends(by: 'YEAR' | 'MONTH', conceptId?: string): Promise<TrendRow[]> {
    if (by !== 'YEAR' && by !== 'MONTH') throw new StoreError('INVALID', `trends bucket must be YEAR or MONTH`);
    const rows = await this.read(Q.trends(by, Boolean(conceptId)), conceptId ? { conceptId } : {});
    return rows
      .map((r) => ({ bucket: String(r.bucket), count: Number(r.count) }))
      .sort((a, b) => a.bucket.localeCompare(b.bucket));
  }
}
