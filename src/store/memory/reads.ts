// The port's reads answered from a MemoryGraph, with the same semantics as the shared Cypher
// (src/store/cypher/): the contract suite runs against both.
import { setImmediate } from 'node:timers/promises';
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/graph.ts';
import { label as checkLabel, relType } from '../cypher/queries.ts';
import type {
  Direction,
  EdgeRow,
  GraphCounts,
  ListQuery,
  ListWhere,
  NeighbourRow,
  NodeRow,
  RelatedRow,
  SearchHitRow,
  Subgraph,
  TrendRow,
} from '../port.ts';
import { displayName } from '../port.ts';
import { StoreError } from '../errors.ts';
import {
  checkList,
  hops,
  rankSearchHits,
  RELATED_WEIGHT,
  byLocale,
  resultCount,
  scoreRelated,
  searchArgs,
  type LineageOptions,
  type RelatedInputs,
} from '../read-logic.ts';
import type { MemoryGraph } from './graph.ts';
import { TextIndex, indexedText } from './search.ts';

const DIRECTIONS: Direction[] = ['OUT', 'IN'];

export class MemoryReads {
  private readonly textIndexes = new Map<NodeLabel, TextIndex>();
  /** Sorted node orders per label, field and direction, made on first use. */
  private readonly orders = new Map<string, Int32Array>();
  private paperCountCache: Int32Array | null = null;
  private idRankCache: Int32Array | null = null;
  /** relatedMethods' score per node, zero between calls (each call runs synchronously). */
  private scoreScratch: Float64Array | null = null;
  /** What a node's full-text index entry is made from. */
  private readonly textOf = (i: number) => indexedText(this.g.nodes[i]!);

  constructor(private readonly g: MemoryGraph) {}

  /**
   * Builds the full-text indexes now rather than on the first search, a slice at a time: a serving
   * process switching to a new graph keeps answering from the old one meanwhile (seconds at 100k papers).
   */
  async warm(): Promise<void> {
    for (const l of NODE_LABELS) {
      if (this.textIndexes.has(l)) continue;
      const steps = TextIndex.building(this.g.byLabel.get(l)!, this.textOf);
      let step = steps.next();
      while (!step.done) {
        await setImmediate();
        step = steps.next();
      }
      this.textIndexes.set(l, step.value);
    }
    this.idRank();
  }

  async nodesByIds(ids: readonly string[]): Promise<(NodeRow | null)[]> {
    return ids.map((id) => this.node(id));
  }

  async neighbours(ids: readonly string[], type: RelType, direction: Direction, opts: { labels?: NodeLabel[] } = {}): Promise<NeighbourRow[]> {
    const rel = this.g.rels[relType(type)];
    const wanted = opts.labels?.length ? new Set(opts.labels) : null;
    const out: NeighbourRow[] = [];
    for (const id of new Set(ids)) {
      const i = this.g.index.get(id);
      if (i === undefined) continue;
      for (const e of rel.edgesOf(i, direction)) {
        const node = this.g.nodes[rel.far(e, direction)]!;
        if (!wanted || wanted.has(node.label)) out.push({ of: id, edge: this.edge(type, e), node });
      }
    }
    return out;
  }

  async paperCounts(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(ids.map((id) => {
      const i = this.g.index.get(id);
      return [id, i === undefined || this.g.nodes[i]!.label === 'Paper' ? 0 : this.papersOf(i).size];
    }));
  }

  async list(q: ListQuery): Promise<{ rows: NodeRow[]; totalCount: number }> {
    const { offset, limit } = checkList(q);
    const keep = this.filter(q.label, q.where ?? {});
    const order = this.order(q);
    if (!keep) return { rows: Array.from(order.subarray(offset, offset + limit), (i) => this.g.nodes[i]!), totalCount: order.length };
    const rows: NodeRow[] = [];
    let total = 0;
    for (const i of order) {
      if (!keep(i)) continue;
      if (total >= offset && rows.length < limit) rows.push(this.g.nodes[i]!);
      total++;
    }
    return { rows, totalCount: total };
  }

  async search(query: string, opts: { labels?: NodeLabel[]; limit: number }): Promise<SearchHitRow[]> {
    const args = searchArgs(query, opts.limit);
    if (!args) return [];
    const rank = this.idRank();
    const byId = (a: number, b: number) => rank[a]! < rank[b]!;
    const hits = (opts.labels?.length ? opts.labels : NODE_LABELS).flatMap((l) =>
      this.textIndex(l)
        .search(query, args.limit, byId)
        .map((h) => ({ node: this.g.nodes[h.node]!, score: h.score })),
    );
    return rankSearchHits(hits, query, args.limit);
  }

  /**
   * expandLineage's breadth-first walk (same order, same cut at maxNodes) over the adjacency arrays:
   * hub methods have thousands of edges per level, and only the kept ones become rows.
   */
  async lineage(id: string, opts: LineageOptions): Promise<Subgraph> {
    const maxNodes = opts.maxNodes ?? Number.POSITIVE_INFINITY;
    const depth = opts.depth === 0 ? 0 : hops(opts.depth, 'depth');
    const root = this.g.index.get(id);
    if (root === undefined) return { nodes: [], edges: [] };
    const types = [...new Set(opts.types.map((t) => relType(t)))];
    const dirs: Direction[] = opts.direction === 'BOTH' ? ['OUT', 'IN'] : [opts.direction];
    const kept = new Set<number>([root]);
    // Each edge once, by type and index (stores write one edge per type and endpoints), in the order found.
    const edges = new Map<number, { type: RelType; e: number }>();
    let truncated = false;
    let frontier = [root];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: number[] = [];
      for (const type of types) {
        const rel = this.g.rels[type];
        const t = REL_TYPES.indexOf(type);
        for (const dir of dirs) {
          for (const i of frontier) {
            for (const e of rel.edgesOf(i, dir)) {
              const j = rel.far(e, dir);
              if (!kept.has(j)) {
                if (kept.size >= maxNodes) {
                  truncated = true;
                  continue;
                }
                kept.add(j);
                next.push(j);
              }
              const key = e * REL_TYPES.length + t;
              if (!edges.has(key)) edges.set(key, { type, e });
            }
          }
        }
      }
      frontier = truncated ? [] : next;
    }
    return {
      nodes: [...kept].map((i) => this.g.nodes[i]!),
      edges: Array.from(edges.values(), ({ type, e }) => this.edge(type, e)),
      truncated,
    };
  }

  /** Breadth-first over every relationship type in both directions, like `-[* SHORTEST 1..n]-`. */
  async shortestPath(from: string, to: string, opts: { maxHops: number }): Promise<Subgraph | null> {
    const maxHops = hops(opts.maxHops, 'maxHops');
    const a = this.g.index.get(from);
    const b = this.g.index.get(to);
    if (a === undefined || b === undefined) return null;
    if (a === b) return { nodes: [this.g.nodes[a]!], edges: [] };
    const via = new Map<number, { prev: number; type: RelType; edge: number }>([[a, { prev: -1, type: 'PROPOSES', edge: -1 }]]);
    let frontier = [a];
    for (let level = 0; level < maxHops && frontier.length > 0 && !via.has(b); level++) {
      const next: number[] = [];
      for (const i of frontier) {
        for (const type of REL_TYPES) {
          const rel = this.g.rels[type];
          for (const dir of DIRECTIONS) {
            for (const e of rel.edgesOf(i, dir)) {
              const j = rel.far(e, dir);
              if (via.has(j)) continue;
              via.set(j, { prev: i, type, edge: e });
              next.push(j);
            }
          }
        }
      }
      frontier = next;
    }
    if (!via.has(b)) return null;
    const nodes: NodeRow[] = [];
    const edges: EdgeRow[] = [];
    for (let i = b; i !== a; ) {
      const step = via.get(i)!;
      nodes.unshift(this.g.nodes[i]!);
      edges.unshift(this.edge(step.type, step.edge));
      i = step.prev;
    }
    nodes.unshift(this.g.nodes[a]!);
    return { nodes, edges };
  }

  /**
   * scoreRelated over the adjacency arrays. A hub method shares its concepts and benchmarks with
   * thousands of methods: all of them are scored as numbers first, and only the winners get rows
   * with names and reasons (scoreRelated then gives them exactly the order and reasons it gives
   * the full input, since a method's score depends only on its own links).
   */
  async relatedMethods(id: string, limit: number): Promise<RelatedRow[]> {
    const m = this.g.index.get(id);
    if (m === undefined || this.g.nodes[m]!.label !== 'Method') return [];
    const method = NODE_LABELS.indexOf('Method');
    const isOther = (j: number) => j !== m && this.g.labels[j] === method;
    const methods = (i: number, type: RelType, dir: Direction) => this.far(i, type, dir).filter(isOther);
    const buildsOn = methods(m, 'BUILDS_ON', 'OUT');
    const builtOnBy = methods(m, 'BUILDS_ON', 'IN');
    const comparedWith = [...new Set([...methods(m, 'COMPARED_WITH', 'OUT'), ...methods(m, 'COMPARED_WITH', 'IN')])];
    const concepts = this.far(m, 'IN_CONCEPT', 'OUT').filter((x) => this.label(x) === 'Concept');
    const benchmarks = this.far(m, 'EVALUATED_ON', 'OUT').filter((x) => this.label(x) === 'Benchmark');
    // Co-mentioned methods with their number of distinct papers, in the order first met.
    const papers = new Map<number, number>();
    const lastPaper = new Map<number, number>();
    for (const p of this.papersOf(m)) {
      for (const type of ['PROPOSES', 'MENTIONS'] as const) {
        const rel = this.g.rels[type];
        for (const e of rel.edgesOf(p, 'OUT')) {
          const o = rel.far(e, 'OUT');
          if (!isOther(o) || lastPaper.get(o) === p) continue;
          lastPaper.set(o, p);
          papers.set(o, (papers.get(o) ?? 0) + 1);
        }
      }
    }
    // Methods sharing one of `via` (concepts or benchmarks) through `type`, visited in scoreRelated's order.
    const eachSharing = (via: number[], type: RelType, visit: (j: number, x: number) => void) => {
      const rel = this.g.rels[type];
      for (const x of via) {
        for (const e of rel.edgesOf(x, 'IN')) {
          const j = rel.far(e, 'IN');
          if (isOther(j)) visit(j, x);
        }
      }
    };

    const w = RELATED_WEIGHT;
    // Every weight is positive, so a zero score is a method not scored yet.
    const score = (this.scoreScratch ??= new Float64Array(this.g.nodes.length));
    const scored: number[] = [];
    const add = (j: number, points: number) => {
      if (score[j] === 0) scored.push(j);
      score[j]! += points;
    };
    for (const j of buildsOn) add(j, w.buildsOn);
    for (const j of builtOnBy) add(j, w.builtOnBy);
    for (const j of comparedWith) add(j, w.comparedWith);
    eachSharing(concepts, 'IN_CONCEPT', (j) => add(j, w.concept));
    eachSharing(benchmarks, 'EVALUATED_ON', (j) => add(j, w.benchmark));
    for (const [j, n] of papers) add(j, w.coMentions(n));
    const winners = this.bestRelated(scored, score, limit);
    for (const j of scored) score[j] = 0;

    const named = (js: number[]) => js.filter((j) => winners.has(j)).map((j) => ({ id: this.id(j), name: displayName(this.g.nodes[j]!) }));
    const sharing = (via: number[], type: RelType) => {
      const rows: { id: string; name: string }[] = [];
      eachSharing(via, type, (j, x) => winners.has(j) && rows.push({ id: this.id(j), name: displayName(this.g.nodes[x]!) }));
      return rows;
    };
    const inputs: RelatedInputs = {
      buildsOn: named(buildsOn),
      builtOnBy: named(builtOnBy),
      comparedWith: named(comparedWith),
      concepts: sharing(concepts, 'IN_CONCEPT'),
      benchmarks: sharing(benchmarks, 'EVALUATED_ON'),
      coMentions: [...papers].filter(([j]) => winners.has(j)).map(([j, n]) => ({ id: this.id(j), papers: n })),
    };
    return scoreRelated(inputs, limit);
  }

  /**
   * The `limit` best of the scored methods in scoreRelated's order (score descending, then id byLocale,
   * then first scored): the ids are compared only among the methods tied at the cut.
   */
  private bestRelated(scored: number[], score: Float64Array, limit: number): Set<number> {
    const k = resultCount(limit);
    if (scored.length <= k) return new Set(scored);
    if (k === 0) return new Set();
    const cut = Float64Array.from(scored, (j) => score[j]!).sort()[scored.length - k]!;
    const winners = new Set<number>();
    const tied: number[] = [];
    for (const j of scored) {
      if (score[j]! > cut) winners.add(j);
      else if (score[j] === cut) tied.push(j);
    }
    const need = k - winners.size;
    const best: number[] = [];
    for (const j of tied) {
      const id = this.id(j);
      if (best.length === need && byLocale(id, this.id(best[need - 1]!)) >= 0) continue;
      let at = best.length;
      while (at > 0 && byLocale(id, this.id(best[at - 1]!)) < 0) at--;
      best.splice(at, 0, j);
      if (best.length > need) best.pop();
    }
    for (const j of best) winners.add(j);
    return winners;
  }

  async counts(): Promise<GraphCounts> {
    return {
      nodes: Object.fromEntries(NODE_LABELS.map((l) => [l, this.g.byLabel.get(l)!.length])) as GraphCounts['nodes'],
      relationships: Object.fromEntries(REL_TYPES.map((t) => [t, this.g.rels[t].size])) as GraphCounts['relationships'],
    };
  }

  async trends(by: 'YEAR' | 'MONTH', conceptId?: string): Promise<TrendRow[]> {
    if (by !== 'YEAR' && by !== 'MONTH') throw new StoreError('INVALID', `trends bucket must be YEAR or MONTH`);
    const inConcept = conceptId === undefined ? null : this.papersInConcept(conceptId);
    const counts = new Map<string, number>();
    for (const i of this.g.byLabel.get('Paper')!) {
      const p = this.g.nodes[i]!;
      if (p.label !== 'Paper' || (inConcept && !inConcept.has(i))) continue;
      const bucket = by === 'YEAR' ? (p.year === null ? null : String(p.year)) : (p.publishedAt?.slice(0, 7) ?? null);
      if (bucket !== null) counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    return [...counts].map(([bucket, count]) => ({ bucket, count })).sort((a, b) => a.bucket.localeCompare(b.bucket));
  }

  private node(id: string): NodeRow | null {
    const i = this.g.index.get(id);
    return i === undefined ? null : this.g.nodes[i]!;
  }

  private id(i: number): string {
    return this.g.nodes[i]!.id;
  }

  private label(i: number): NodeLabel {
    return this.g.label(i);
  }

  private edge(type: RelType, e: number): EdgeRow {
    const rel = this.g.rels[type];
    return {
      type,
      source: this.id(rel.src[e]!),
      target: this.id(rel.dst[e]!),
      evidence: rel.prop(e, 'evidence'),
      paperId: rel.prop(e, 'paperId'),
      outcome: rel.prop(e, 'outcome'),
    };
  }

  private far(i: number, type: RelType, dir: Direction): number[] {
    const rel = this.g.rels[type];
    return Array.from(rel.edgesOf(i, dir), (e) => rel.far(e, dir));
  }

  /** The papers a node is counted by: proposing or mentioning papers for entities (see cypher/queries.ts paperLink). */
  private papersOf(i: number): Set<number> {
    const l = this.label(i);
    if (l === 'Concept') return new Set(this.far(i, 'IN_CONCEPT', 'IN').filter((p) => this.label(p) === 'Paper'));
    if (l === 'Organization') return new Set(this.far(i, 'PUBLISHED_BY', 'IN'));
    return new Set([...this.far(i, 'PROPOSES', 'IN'), ...this.far(i, 'MENTIONS', 'IN')]);
  }

  private paperCount(i: number): number {
    if (!this.paperCountCache) {
      this.paperCountCache = new Int32Array(this.g.nodes.length);
      this.g.nodes.forEach((n, j) => {
        if (n.label !== 'Paper') this.paperCountCache![j] = this.papersOf(j).size;
      });
    }
    return this.paperCountCache[i]!;
  }

  /** Methods directly in the concept. */
  private methodsInConcept(conceptId: string): Set<number> {
    const c = this.g.index.get(conceptId);
    if (c === undefined) return new Set();
    return new Set(this.far(c, 'IN_CONCEPT', 'IN').filter((j) => this.label(j) === 'Method'));
  }

  /** Papers in the concept directly or through a method they propose or mention. */
  private papersInConcept(conceptId: string): Set<number> {
    const c = this.g.index.get(conceptId);
    const papers = new Set<number>();
    if (c === undefined) return papers;
    for (const j of this.far(c, 'IN_CONCEPT', 'IN')) {
      if (this.label(j) === 'Paper') papers.add(j);
      else for (const p of this.papersOf(j)) papers.add(p);
    }
    return papers;
  }

  /** A predicate for `where` (null: keep everything), with the shared Cypher's semantics. */
  private filter(label: NodeLabel, w: ListWhere): ((i: number) => boolean) | null {
    const tests: ((i: number) => boolean)[] = [];
    if (w.nameContains) {
      const needle = w.nameContains.toLowerCase();
      tests.push((i) => {
        const n = this.g.nodes[i]!;
        return (n.label === 'Paper' ? (n.title ?? '') : n.name).toLowerCase().includes(needle);
      });
    }
    if (w.conceptId) {
      if (label === 'Method') {
        const methods = this.methodsInConcept(w.conceptId);
        tests.push((i) => methods.has(i));
      } else if (label === 'Paper') {
        const papers = this.papersInConcept(w.conceptId);
        tests.push((i) => papers.has(i));
      } else {
        // Other entities: through a paper that also proposes or mentions a method of the concept.
        const viaMethods = new Set<number>();
        for (const m of this.methodsInConcept(w.conceptId)) for (const p of this.papersOf(m)) viaMethods.add(p);
        tests.push((i) => [...this.papersOf(i)].some((p) => viaMethods.has(p)));
      }
    }
    const paperTests: ((p: number) => boolean)[] = [];
    const paper = (p: number) => this.g.nodes[p] as Extract<NodeRow, { label: 'Paper' }>;
    if (w.yearFrom !== undefined && w.yearFrom !== null) paperTests.push((p) => (paper(p).year ?? -Infinity) >= w.yearFrom!);
    if (w.yearTo !== undefined && w.yearTo !== null) paperTests.push((p) => (paper(p).year ?? Infinity) <= w.yearTo!);
    if (w.hasCode !== undefined && w.hasCode !== null) paperTests.push((p) => paper(p).hasCode === Boolean(w.hasCode));
    if (w.organizationId) {
      const org = w.organizationId;
      paperTests.push((p) => this.far(p, 'PUBLISHED_BY', 'OUT').some((o) => this.id(o) === org));
    }
    if (paperTests.length > 0) {
      const ok = (p: number) => paperTests.every((t) => t(p));
      tests.push(label === 'Paper' ? ok : (i) => [...this.papersOf(i)].some(ok));
    }
    return tests.length === 0 ? null : (i) => tests.every((t) => t(i));
  }

  /** The label's nodes in the asked order (ties by id), computed once per order. */
  private order(q: ListQuery): Int32Array {
    const field = q.orderBy?.field ?? 'name';
    const desc = q.orderBy?.direction === 'DESC';
    const key = `${q.label}\u0000${field}\u0000${desc}`;
    let order = this.orders.get(key);
    if (!order) {
      const sortKey = this.sortKey(field);
      const keyed = this.g.byLabel.get(checkLabel(q.label))!.map((i) => ({ i, k: sortKey(i), id: this.id(i) }));
      const sign = desc ? -1 : 1;
      keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      order = Int32Array.from(keyed, (x) => x.i);
      this.orders.set(key, order);
    }
    return order;
  }

  private sortKey(field: string): (i: number) => string | number {
    return (i) => {
      const n = this.g.nodes[i]!;
      if (field === 'paperCount') return this.paperCount(i);
      if (n.label !== 'Paper') return n.name.toLowerCase();
      if (field === 'year') return n.year ?? 0;
      if (field === 'upvotes') return n.upvotes ?? 0;
      return (n.title ?? n.key).toLowerCase();
    };
  }

  /** Each node's position in id order: search ties (many names score alike) are broken by id without comparing strings. */
  private idRank(): Int32Array {
    if (!this.idRankCache) {
      // The default sort compares UTF-16 code units, as `<` does, without a call per comparison.
      const ids = this.g.nodes.map((n) => n.id).sort();
      this.idRankCache = new Int32Array(ids.length);
      ids.forEach((id, r) => (this.idRankCache![this.g.index.get(id)!] = r));
    }
    return this.idRankCache;
  }

  private textIndex(l: NodeLabel): TextIndex {
    let index = this.textIndexes.get(l);
    if (!index) {
      index = TextIndex.build(this.g.byLabel.get(l)!, this.textOf);
      this.textIndexes.set(l, index);
    }
    return index;
  }
}
