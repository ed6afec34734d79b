// An immutable in-memory copy of a graph: nodes by dense index, and for each relationship type its
// edges as columns with adjacency (CSR) in both directions, so one hop costs an array slice.
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/graph.ts';
import type { Direction, NodeRow } from '../port.ts';

export interface EdgeProps {
  evidence: string | null;
  paperId: string | null;
  outcome: string | null;
}

export class RelIndex {
  constructor(
    readonly src: Int32Array,
    readonly dst: Int32Array,
    // Edge properties are indexes into one table of distinct strings (-1: null): typed arrays
    // instead of millions of references that every garbage collection would have to trace.
    private readonly strings: readonly string[],
    private readonly props: Record<keyof EdgeProps, Int32Array>,
    private readonly outStart: Int32Array,
    private readonly outEdges: Int32Array,
    private readonly inStart: Int32Array,
    private readonly inEdges: Int32Array,
  ) {}

  get size(): number {
    return this.src.length;
  }

  prop(e: number, name: keyof EdgeProps): string | null {
    const k = this.props[name][e]!;
    return k < 0 ? null : this.strings[k]!;
  }

  /** Indexes of the edges leaving (OUT) or entering (IN) node `i`. */
  edgesOf(i: number, dir: Direction): Int32Array {
    const [start, edges] = dir === 'OUT' ? [this.outStart, this.outEdges] : [this.inStart, this.inEdges];
    return edges.subarray(start[i]!, start[i + 1]!);
  }

  /** The node at the far end of edge `e` seen from its `dir` side. */
  far(e: number, dir: Direction): number {
    return dir === 'OUT' ? this.dst[e]! : this.src[e]!;
  }
}

export class MemoryGraph {
  readonly byLabel: Map<NodeLabel, number[]>;
  /**
   * Each node's label as its index in NODE_LABELS: rows of different labels have different shapes,
   * so reading `.label` off millions of them in a walk is a slow polymorphic access.
   */
  readonly labels: Uint8Array;

  constructor(
    readonly nodes: NodeRow[],
    readonly index: Map<string, number>,
    readonly rels: Record<RelType, RelIndex>,
  ) {
    this.byLabel = new Map(NODE_LABELS.map((l) => [l, [] as number[]]));
    this.labels = new Uint8Array(nodes.length);
    nodes.forEach((n, i) => {
      this.byLabel.get(n.label)!.push(i);
      this.labels[i] = NODE_LABELS.indexOf(n.label);
    });
  }

  label(i: number): NodeLabel {
    return NODE_LABELS[this.labels[i]!]!;
  }
}

interface EdgeColumns {
  src: number[];
  dst: number[];
  evidence: number[];
  paperId: number[];
  outcome: number[];
}

/** Collects nodes and edges in any order; edge endpoints are the indexes addNode returned. */
export class MemoryGraphBuilder {
  private readonly nodes: NodeRow[] = [];
  private readonly index = new Map<string, number>();
  private readonly edges = new Map<RelType, EdgeColumns>(REL_TYPES.map((t) => [t, { src: [], dst: [], evidence: [], paperId: [], outcome: [] }]));
  // Many edges quote the same sentence (one per entity it mentions): keep one copy of each.
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();

  addNode(row: NodeRow): number {
    const i = this.nodes.length;
    this.nodes.push(row);
    this.index.set(row.id, i);
    return i;
  }

  addEdge(type: RelType, src: number, dst: number, props: EdgeProps): void {
    const c = this.edges.get(type)!;
    c.src.push(src);
    c.dst.push(dst);
    c.evidence.push(this.intern(props.evidence));
    c.paperId.push(this.intern(props.paperId));
    c.outcome.push(this.intern(props.outcome));
  }

  build(): MemoryGraph {
    const n = this.nodes.length;
    const rels = Object.fromEntries(
      REL_TYPES.map((t) => {
        const c = this.edges.get(t)!;
        const src = Int32Array.from(c.src);
        const dst = Int32Array.from(c.dst);
        const [outStart, outEdges] = adjacency(src, n);
        const [inStart, inEdges] = adjacency(dst, n);
        const props = { evidence: Int32Array.from(c.evidence), paperId: Int32Array.from(c.paperId), outcome: Int32Array.from(c.outcome) };
        return [t, new RelIndex(src, dst, this.strings, props, outStart, outEdges, inStart, inEdges)];
      }),
    ) as Record<RelType, RelIndex>;
    return new MemoryGraph(this.nodes, this.index, rels);
  }

  private intern(s: string | null): number {
    if (s === null) return -1;
    let k = this.stringIndex.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, k);
    }
    return k;
  }
}

/** Counting sort of edge indexes by endpoint: start[i]..start[i+1] are node i's edges, in insertion order. */
function adjacency(endpoint: Int32Array, nodes: number): [Int32Array, Int32Array] {
  const start = new Int32Array(nodes + 1);
  for (const v of endpoint) start[v + 1]!++;
  for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodes);
  const edges = new Int32Array(endpoint.length);
  endpoint.forEach((v, e) => {
    edges[fill[v]!++] = e;
  });
  return [start, edges];
}
