// The Relay connection types share one shape: a Page of rows becomes edges, nodes and pageInfo.
import type { Resolvers } from '../../generated/graphql.ts';
import type { Page } from '../mappers.ts';
import { encodeCursor } from '../pagination.ts';

function connection<T>() {
  return {
    edges: (page: Page<T>) => page.rows.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node })),
    nodes: (page: Page<T>) => page.rows,
    totalCount: (page: Page<T>) => page.totalCount,
    pageInfo: (page: Page<T>) => ({
      hasNextPage: page.offset + page.rows.length < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: page.rows.length ? encodeCursor(page.offset) : null,
      endCursor: page.rows.length ? encodeCursor(page.offset + page.rows.length - 1) : null,
    }),
  };
}

export const connectionResolvers: Resolvers = {
  PaperConnection: connection(),
  MethodConnection: connection(),
  ModelConnection: connection(),
  BenchmarkConnection: connection(),
  MetricConnection: connection(),
  ConceptConnection: connection(),
  OrganizationConnection: connection(),
};
