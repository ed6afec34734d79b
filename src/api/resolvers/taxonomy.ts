// Concepts and organisations: root lookups and their members.
import type { EntityOrderField, Resolvers } from '../../generated/graphql.ts';
import type { NodeLabel } from '../../model/graph.ts';
import type { ApiContext } from '../context.ts';
import { ORDER_FIELDS } from '../enums.ts';
import type { ConceptRow, EntityRow, OrganizationRow, PaperRow } from '../mappers.ts';
import { slicePage } from '../pagination.ts';
import { linkedNodes, newestFirst } from './links.ts';
import { byIdOrName, listPage } from './lookup.ts';

interface ListArgs {
  where?: { nameContains?: string | null } | null;
  orderBy?: { field: EntityOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  first?: number | null;
  after?: string | null;
}

const listOf =
  <T extends ConceptRow | OrganizationRow>(label: NodeLabel) =>
  (_: unknown, { where, orderBy, ...page }: ListArgs, ctx: ApiContext) =>
    listPage<T>(
      ctx,
      {
        label,
        where: { nameContains: where?.nameContains ?? undefined },
        orderBy: orderBy ? { field: ORDER_FIELDS[orderBy.field], direction: orderBy.direction ?? 'DESC' } : { field: 'name', direction: 'ASC' },
      },
      page,
    );

export const taxonomyResolvers: Resolvers = {
  Query: {
    concept: async (_, args, ctx) => (await byIdOrName(ctx, 'Concept', args)) as ConceptRow | null,
    concepts: listOf<ConceptRow>('Concept'),
    organization: async (_, args, ctx) => (await byIdOrName(ctx, 'Organization', args)) as OrganizationRow | null,
    organizations: listOf<OrganizationRow>('Organization'),
  },
  Concept: {
    methods: async (row, _, ctx) => (await linkedNodes(ctx, row.id, ['IN_CONCEPT'], 'IN', ['Method'])) as EntityRow[],
    papers: async (row, args, ctx) =>
      slicePage(newestFirst((await linkedNodes(ctx, row.id, ['IN_CONCEPT'], 'IN', ['Paper'])) as PaperRow[]), args),
  },
  Organization: {
    papers: async (row, args, ctx) =>
      slicePage(newestFirst((await linkedNodes(ctx, row.id, ['PUBLISHED_BY'], 'IN', ['Paper'])) as PaperRow[]), args),
  },
};
