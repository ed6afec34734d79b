// GraphQL enum values <-> the store's spellings (labels, outcome words, sort fields).
import type { ComparisonOutcome, EntityOrderField, EntityType, PaperOrderField } from '../generated/graphql.ts';
import type { NodeLabel } from '../model/graph.ts';
import type { EdgeRow, ListQuery } from '../store/port.ts';

export const entityType = (label: NodeLabel): EntityType => label.toUpperCase() as EntityType;

const LABELS: Record<EntityType, NodeLabel> = {
  PAPER: 'Paper',
  METHOD: 'Method',
  MODEL: 'Model',
  BENCHMARK: 'Benchmark',
  METRIC: 'Metric',
  CONCEPT: 'Concept',
  ORGANIZATION: 'Organization',
};
export const labelOf = (type: EntityType): NodeLabel => LABELS[type];

export const ORDER_FIELDS: Record<PaperOrderField | EntityOrderField, NonNullable<ListQuery['orderBy']>['field']> = {
  NAME: 'name',
  YEAR: 'year',
  UPVOTES: 'upvotes',
  PAPER_COUNT: 'paperCount',
};

/** COMPARED_WITH edges always have an outcome (COMPARED when the store recorded none); other edges none. */
export function comparisonOutcome(edge: EdgeRow): ComparisonOutcome | null {
  if (edge.type !== 'COMPARED_WITH') return null;
  const outcome = edge.outcome?.toUpperCase();
  return outcome === 'OUTPERFORMS' || outcome === 'COMPARABLE' ? outcome : 'COMPARED';
}
