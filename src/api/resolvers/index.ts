// All resolvers, merged type by type from one module per area.
import type { Resolvers } from '../../generated/graphql.ts';
import { connectionResolvers } from './connections.ts';
import { entityResolvers } from './entities.ts';
import { lineageResolvers } from './lineage.ts';
import { nodeResolvers } from './node.ts';
import { paperResolvers } from './paper.ts';
import { searchResolvers } from './search.ts';
import { statsResolvers } from './stats.ts';
import { taxonomyResolvers } from './taxonomy.ts';

const areas: Resolvers[] = [
  nodeResolvers,
  connectionResolvers,
  paperResolvers,
  entityResolvers,
  taxonomyResolvers,
  searchResolvers,
  lineageResolvers,
  statsResolvers,
];

export const resolvers: Resolvers = {};
for (const area of areas) {
  for (const [type, fields] of Object.entries(area)) {
    const merged = resolvers as Record<string, object>;
    merged[type] = { ...merged[type], ...fields };
  }
}
