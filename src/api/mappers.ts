// The parent values resolvers receive: the store's rows (codegen `mappers` point here).
import type { EntityLabel } from '../model/graph.ts';
import type { EdgeRow, NodeRow } from '../store/port.ts';

export type { EdgeRow, GraphCounts, NeighbourRow, NodeRow, RelatedRow, SearchHitRow, TrendRow } from '../store/port.ts';

export type PaperRow = Extract<NodeRow, { label: 'Paper' }>;
export type EntityRow = Extract<NodeRow, { label: EntityLabel }>;
export type ConceptRow = Extract<NodeRow, { label: 'Concept' }>;
export type OrganizationRow = Extract<NodeRow, { label: 'Organization' }>;

/** One page of a connection: its rows and where they sit in the whole list. */
export interface Page<T> {
  rows: T[];
  totalCount: number;
  offset: number;
}

export type PaperPage = Page<PaperRow>;
export type EntityPage = Page<EntityRow>;
export type ConceptPage = Page<ConceptRow>;
export type OrganizationPage = Page<OrganizationRow>;

/** A lineage or path edge with its paper already loaded: a large lineage has thousands of edges. */
export type LineageEdgeRow = EdgeRow & { paperRow: PaperRow | null };

export interface LineageGraphRow {
  nodes: NodeRow[];
  edges: LineageEdgeRow[];
  truncated: boolean;
}
