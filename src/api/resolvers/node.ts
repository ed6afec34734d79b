// The Node and Entity interfaces and `Query.node`.
import type { Resolvers } from '../../generated/graphql.ts';

export const nodeResolvers: Resolvers = {
  // GraphQL type names equal the store's node labels.
  Node: { __resolveType: (row) => row.label },
  Entity: { __resolveType: (row) => row.label },
  Query: {
    node: (_, { id }, ctx) => ctx.loaders.node.load(id),
  },
};
