// The port's read methods written once over a query runner; adapters supply the runner and the
// few dialect-specific reads (full-text search, shortest path).
import { NODE_LABELS, REL_ENDPOINTS, REL_TYPES, type NodeLabel, type RelType } from '../../model/graph.ts';
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
import { expandLineage, groupByLabel, hops, rankSearchHits, scoreRelated, searchArgs, type LineageOptions } from '../read-logic.ts';
import { str, toNodeRow } from '../rows.ts';
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

function edgeOf(type: RelType, r: ResultRow): EdgeRow {
  return { type, source: String(r.source), target: String(r.target), evidence: str(r.evidence), paperId: str(r.paperId), outcome: str(r.outcome) };
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
    const args = searchArgs(query, opts.limit);
    if (!args) return [];
    const hits = await this.dialect.search(query, opts.labels?.length ? opts.labels : NODE_LABELS, args.limit);
    return rankSearchHits(hits, query, args.limit);
  }

  lineage(id: string, opts: LineageOptions): Promise<Subgraph> {
    return expandLineage(this, id, opts);
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
    const idName = (rows: ResultRow[]) => rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
    return scoreRelated(
      {
        buildsOn: idName(buildsOn),
        builtOnBy: idName(builtOnBy),
        comparedWith: idName(compared),
        concepts: idName(concepts),
        benchmarks: idName(benchmarks),
        coMentions: coMentions.map((r) => ({ id: String(r.id), papers: Number(r.papers) })),
      },
      limit,
    );
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
