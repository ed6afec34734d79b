// Dashboard figures: graph size and papers over time.
import type { Resolvers } from '../../generated/graphql.ts';
import type { RelType } from '../../model/graph.ts';
import { requireNode } from './lookup.ts';

export const statsResolvers: Resolvers = {
  Query: {
    stats: (_, __, ctx) => ctx.store.counts(),
    trends: async (_, args, ctx) => {
      if (args.concept) await requireNode(ctx, 'concept', 'Concept', args.concept);
      return ctx.store.trends(args.by, args.concept ?? undefined);
    },
  },
  GraphStats: {
    papers: (c) => c.nodes.Paper,
    methods: (c) => c.nodes.Method,
    models: (c) => c.nodes.Model,
    benchmarks: (c) => c.nodes.Benchmark,
    metrics: (c) => c.nodes.Metric,
    concepts: (c) => c.nodes.Concept,
    organizations: (c) => c.nodes.Organization,
    relationships: (c) => Object.values(c.relationships).reduce((a, b) => a + b, 0),
    relationshipsByType: (c) =>
      Object.entries(c.relationships).map(([type, count]) => ({ type: type as RelType, count })),
  },
  TrendBucket: {
    year: (t) => Number(t.bucket.slice(0, 4)),
    month: (t) => (t.bucket.length > 4 ? Number(t.bucket.slice(5, 7)) : null),
  },
};
