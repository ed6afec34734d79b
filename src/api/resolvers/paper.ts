// Papers: root lookups and every link from a paper to what it proposes, uses and belongs to.
import type { Resolvers } from '../../generated/graphql.ts';
import type { ApiContext } from '../context.ts';
import { ORDER_FIELDS } from '../enums.ts';
import { checkRange } from '../errors.ts';
import type { ConceptRow, EntityRow, OrganizationRow, PaperRow } from '../mappers.ts';
import { entitiesOf, linkedNodes, papersAbout } from './links.ts';
import { byId, listPage, requireNode } from './lookup.ts';

async function entitiesOfLabel(ctx: ApiContext, paperId: string, label: EntityRow['label']): Promise<EntityRow[]> {
  return (await entitiesOf(ctx, paperId)).filter((e) => e.label === label);
}

export const paperResolvers: Resolvers = {
  Query: {
    paper: async (_, { id }, ctx) => (await byId(ctx, 'Paper', id)) as PaperRow | null,
    papers: async (_, { where, orderBy, ...page }, ctx) => {
      if (where?.concept) await requireNode(ctx, 'where.concept', 'Concept', where.concept);
      if (where?.organization) await requireNode(ctx, 'where.organization', 'Organization', where.organization);
      return listPage<PaperRow>(
        ctx,
        {
          label: 'Paper',
          where: {
            nameContains: where?.titleContains ?? undefined,
            conceptId: where?.concept ?? undefined,
            yearFrom: where?.yearFrom ?? undefined,
            yearTo: where?.yearTo ?? undefined,
            hasCode: where?.hasCode ?? undefined,
            organizationId: where?.organization ?? undefined,
          },
          orderBy: { field: orderBy ? ORDER_FIELDS[orderBy.field] : 'year', direction: orderBy?.direction ?? 'DESC' },
        },
        page,
      );
    },
  },
  Paper: {
    proposes: async (paper, _, ctx) =>
      (await linkedNodes(ctx, paper.id, ['PROPOSES'], 'OUT', ['Method', 'Model', 'Benchmark', 'Metric'])) as EntityRow[],
    methods: (paper, _, ctx) => entitiesOfLabel(ctx, paper.id, 'Method'),
    models: (paper, _, ctx) => entitiesOfLabel(ctx, paper.id, 'Model'),
    benchmarks: (paper, _, ctx) => entitiesOfLabel(ctx, paper.id, 'Benchmark'),
    metrics: (paper, _, ctx) => entitiesOfLabel(ctx, paper.id, 'Metric'),
    concepts: async (paper, _, ctx) => (await linkedNodes(ctx, paper.id, ['IN_CONCEPT'], 'OUT', ['Concept'])) as ConceptRow[],
    organization: async (paper, _, ctx) =>
      ((await linkedNodes(ctx, paper.id, ['PUBLISHED_BY'], 'OUT', ['Organization']))[0] as OrganizationRow | undefined) ?? null,
    related: async (paper, args, ctx) => {
      const first = checkRange('first', args.first, 0, 100, 5);
      const entities = await entitiesOf(ctx, paper.id);
      const shared = new Map<string, { paper: PaperRow; shared: EntityRow[] }>();
      const papersPerEntity = await Promise.all(entities.map((e) => papersAbout(ctx, e.id)));
      entities.forEach((entity, i) => {
        for (const other of papersPerEntity[i]!) {
          if (other.id === paper.id) continue;
          const entry = shared.get(other.id) ?? { paper: other, shared: [] };
          entry.shared.push(entity);
          shared.set(other.id, entry);
        }
      });
      return [...shared.values()]
        .sort((a, b) => b.shared.length - a.shared.length || (b.paper.publishedAt ?? '').localeCompare(a.paper.publishedAt ?? ''))
        .slice(0, first)
        .map((r) => ({ ...r, score: r.shared.length }));
    },
  },
};
