// Full-text search over the whole graph.
import type { Resolvers } from '../../generated/graphql.ts';
import { labelOf } from '../enums.ts';
import { badInput, checkRange } from '../errors.ts';

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx) => {
      const first = checkRange('first', args.first, 1, 100, 10);
      if (!args.query.trim()) throw badInput('query', 'must not be blank');
      const hits = await ctx.store.search(args.query, { labels: args.types?.length ? args.types.map(labelOf) : undefined, limit: first });
      for (const hit of hits) ctx.loaders.node.prime(hit.node.id, hit.node);
      return hits;
    },
  },
};
