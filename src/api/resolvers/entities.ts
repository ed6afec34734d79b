// Methods, models, benchmarks and metrics: root lookups and their links in both directions.
import type { EntityOrderField, Resolvers } from '../../generated/graphql.ts';
import type { RelType } from '../../model/graph.ts';
import type { Direction, NeighbourRow } from '../../store/port.ts';
import type { ApiContext } from '../context.ts';
import { comparisonOutcome, entityType, ORDER_FIELDS } from '../enums.ts';
import type { ConceptRow, EntityRow } from '../mappers.ts';
import { slicePage } from '../pagination.ts';
import { linkedNodes, links, papersAbout } from './links.ts';
import { byIdOrName, listPage, requireNode } from './lookup.ts';

type EntityLabel = EntityRow['label'];

/** Method-to-method links of one type and direction, one per (method, paper) pair. */
async function methodLinks(ctx: ApiContext, id: string, type: RelType, direction: Direction): Promise<NeighbourRow[]> {
  const seen = new Set<string>();
  return (await links(ctx, id, [type], direction)).filter((row) => {
    const key = `${row.node.id} ${row.edge.paperId}`;
    if (row.node.label !== 'Method' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function methodsVia(ctx: ApiContext, id: string, type: RelType, direction: Direction): Promise<EntityRow[]> {
  return (await linkedNodes(ctx, id, [type], direction, ['Method'])) as EntityRow[];
}

interface ListArgs {
  where?: { nameContains?: string | null; concept?: string | null } | null;
  orderBy?: { field: EntityOrderField; direction?: 'ASC' | 'DESC' | null } | null;
  first?: number | null;
  after?: string | null;
}

const lookupOne =
  (label: EntityLabel) =>
  async (_: unknown, args: { id?: string | null; name?: string | null }, ctx: ApiContext) =>
    (await byIdOrName(ctx, label, args)) as EntityRow | null;

const listOf =
  (label: EntityLabel) =>
  async (_: unknown, { where, orderBy, ...page }: ListArgs, ctx: ApiContext) => {
    if (where?.concept) await requireNode(ctx, 'where.concept', 'Concept', where.concept);
    return listPage<EntityRow>(
      ctx,
      {
        label,
        where: { nameContains: where?.nameContains ?? undefined, conceptId: where?.concept ?? undefined },
        orderBy: { field: orderBy ? ORDER_FIELDS[orderBy.field] : 'paperCount', direction: orderBy?.direction ?? 'DESC' },
      },
      page,
    );
  };

/** Fields every entity type has. */
const entityFields = {
  type: (row: EntityRow) => entityType(row.label),
  introducedBy: async (row: EntityRow, _: unknown, ctx: ApiContext) =>
    (await linkedNodes(ctx, row.id, ['PROPOSES'], 'IN', ['Paper'])) as never,
  mentionedIn: async (row: EntityRow, args: { first?: number | null; after?: string | null }, ctx: ApiContext) =>
    slicePage(await papersAbout(ctx, row.id), args),
  paperCount: (row: EntityRow, _: unknown, ctx: ApiContext) => ctx.loaders.paperCount.load(row.id),
};

export const entityResolvers: Resolvers = {
  Query: {
    method: lookupOne('Method'),
    methods: listOf('Method'),
    model: lookupOne('Model'),
    models: listOf('Model'),
    benchmark: lookupOne('Benchmark'),
    benchmarks: listOf('Benchmark'),
    metric: lookupOne('Metric'),
    metrics: listOf('Metric'),
  },
  Method: {
    ...entityFields,
    buildsOn: (row, _, ctx) => methodLinks(ctx, row.id, 'BUILDS_ON', 'OUT'),
    builtOnBy: (row, _, ctx) => methodLinks(ctx, row.id, 'BUILDS_ON', 'IN'),
    comparedWith: (row, _, ctx) => methodLinks(ctx, row.id, 'COMPARED_WITH', 'OUT'),
    comparedBy: (row, _, ctx) => methodLinks(ctx, row.id, 'COMPARED_WITH', 'IN'),
    benchmarks: async (row, _, ctx) => (await linkedNodes(ctx, row.id, ['EVALUATED_ON'], 'OUT', ['Benchmark'])) as EntityRow[],
    models: async (row, _, ctx) => (await linkedNodes(ctx, row.id, ['APPLIED_TO'], 'OUT', ['Model'])) as EntityRow[],
    concepts: async (row, _, ctx) => (await linkedNodes(ctx, row.id, ['IN_CONCEPT'], 'OUT', ['Concept'])) as ConceptRow[],
  },
  Model: {
    ...entityFields,
    family: (row) => row.family ?? null,
    parameters: (row) => row.parameters ?? null,
    methods: (row, _, ctx) => methodsVia(ctx, row.id, 'APPLIED_TO', 'IN'),
  },
  Benchmark: {
    ...entityFields,
    methods: (row, _, ctx) => methodsVia(ctx, row.id, 'EVALUATED_ON', 'IN'),
  },
  Metric: {
    ...entityFields,
    // The graph links metrics to papers only: the methods are those the reporting papers propose.
    methods: async (row, _, ctx) => {
      const papers = await papersAbout(ctx, row.id);
      const perPaper = await Promise.all(papers.map((p) => methodsVia(ctx, p.id, 'PROPOSES', 'OUT')));
      return [...new Map(perPaper.flat().map((m) => [m.id, m])).values()];
    },
  },
  MethodLink: {
    method: (row) => row.node as EntityRow,
    evidence: (row) => row.edge.evidence,
    paper: async (row, _, ctx) => (row.edge.paperId ? ((await ctx.loaders.node.load(row.edge.paperId)) as never) : null),
    outcome: (row) => comparisonOutcome(row.edge),
  },
};
