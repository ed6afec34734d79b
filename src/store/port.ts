// The GraphStore port: the only way the API and the loaders touch a graph database.
// Every read takes many ids at once so a DataLoader can make one call per field level.
import type {
  ConceptNode,
  EntityLabel,
  EntityNode,
  GraphBatch,
  NodeLabel,
  OrganizationNode,
  PaperNode,
  RelType,
} from '../model/graph.ts';

export type NodeRow =
  | ({ label: 'Paper' } & PaperNode)
  | ({ label: EntityLabel } & Omit<EntityNode, 'label'>)
  | ({ label: 'Concept' } & ConceptNode)
  | ({ label: 'Organization' } & OrganizationNode);

/** What a node is called in listings and drawings: a paper by its title (its key when untitled). */
export function displayName(n: NodeRow): string {
  return n.label === 'Paper' ? (n.title ?? n.key) : n.name;
}

export interface EdgeRow {
  type: RelType;
  source: string;
  target: string;
  evidence: string | null;
  paperId: string | null;
  outcome: string | null;
}

/** A relationship seen from one of the asked ids: `of` is that id, `node` the node at the other end. */
export interface NeighbourRow {
  of: string;
  edge: EdgeRow;
  node: NodeRow;
}

export type Direction = 'OUT' | 'IN';
export type SortDirection = 'ASC' | 'DESC';

export interface ListWhere {
  nameContains?: string;
  /** Nodes in this concept (directly, or for papers through the methods they propose or mention). */
  conceptId?: string;
  yearFrom?: number;
  yearTo?: number;
  hasCode?: boolean;
  organizationId?: string;
}

export interface ListQuery {
  label: NodeLabel;
  where?: ListWhere;
  orderBy?: { field: 'name' | 'year' | 'paperCount' | 'upvotes'; direction: SortDirection };
  offset: number;
  limit: number;
}

export interface SearchHitRow {
  node: NodeRow;
  score: number;
  snippet: string | null;
}

export interface Subgraph {
  nodes: NodeRow[];
  edges: EdgeRow[];
  /** Lineage only: some nodes within the depth were left out to stay within `maxNodes`. */
  truncated?: boolean;
}

export interface RelatedRow {
  id: string;
  score: number;
  /** Human-readable reasons, e.g. "shares benchmark RULER", "same concept KV-cache compression", "builds on SnapKV". */
  reasons: string[];
}

export interface GraphCounts {
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelType, number>;
}

export interface TrendRow {
  /** `YYYY` or `YYYY-MM`. */
  bucket: string;
  count: number;
}

export interface WriteSummary {
  nodes: number;
  relationships: number;
}

export interface MigrationStatus {
  applied: { version: string; name: string; checksum: string }[];
  pending: { version: string; name: string }[];
}

/**
 * A load in progress. Embedded: writes go to a new generation of the database that becomes
 * visible only on commit (an interrupted load leaves the previous graph readable).
 * Neo4j: each upsert is one write transaction; commit is a no-op.
 */
export interface GraphWriter {
  upsert(batch: GraphBatch): Promise<WriteSummary>;
  /**
   * Optional: nodes written ahead of the relationships that will reach them, so the store can get
   * on with them (the embedded writer writes the paper table while extraction runs).
   */
  prewrite?(batch: GraphBatch): Promise<WriteSummary>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';

  migrationStatus(): Promise<MigrationStatus>;
  /** Applies pending migrations; returns what it applied. */
  migrate(): Promise<MigrationStatus['applied']>;

  /** Opens a load, applying pending migrations first (so a load needs no migrate() of its own). */
  writer(): Promise<GraphWriter>;
  /** writer() + upsert + commit: a batch commits whole or not at all. */
  upsert(batch: GraphBatch): Promise<WriteSummary>;

  /** Same order as `ids`; null where no node has that id. */
  nodesByIds(ids: readonly string[]): Promise<(NodeRow | null)[]>;
  neighbours(
    ids: readonly string[],
    type: RelType,
    direction: Direction,
    opts?: { labels?: NodeLabel[] },
  ): Promise<NeighbourRow[]>;
  /** Papers proposing or mentioning each entity id. */
  paperCounts(ids: readonly string[]): Promise<Map<string, number>>;
  list(query: ListQuery): Promise<{ rows: NodeRow[]; totalCount: number }>;
  search(query: string, opts: { labels?: NodeLabel[]; limit: number }): Promise<SearchHitRow[]>;
  lineage(
    id: string,
    opts: { direction: Direction | 'BOTH'; depth: number; types: RelType[]; maxNodes?: number },
  ): Promise<Subgraph>;
  shortestPath(from: string, to: string, opts: { maxHops: number }): Promise<Subgraph | null>;
  relatedMethods(id: string, limit: number): Promise<RelatedRow[]>;
  counts(): Promise<GraphCounts>;
  trends(by: 'YEAR' | 'MONTH', conceptId?: string): Promise<TrendRow[]>;

  /**
   * Names the graph reads are answered from: it changes when an embedded load publishes a new
   * generation (caches key on it, so they never serve the previous graph). Asked on every request,
   * so it must be cheap: a serving embedded store notices a load within 100 ms. Neo4j is written in
   * place and answers '' (its cached answers age out with their max-age).
   */
  graphVersion(): Promise<string>;
  /** Cheap liveness probe for /readyz; rejects when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
