// Graph-shaped answers: lineage neighbourhoods, shortest paths and related methods.
import type { Resolvers } from '../../generated/graphql.ts';
import { displayName, type NodeRow, type Subgraph } from '../../store/port.ts';
import { badInput, checkRange, notFound } from '../errors.ts';
import type { EntityRow, LineageGraphRow, PaperRow } from '../mappers.ts';
import type { ApiContext } from '../context.ts';
import { comparisonOutcome, entityType } from '../enums.ts';

async function requireId(ctx: ApiContext, id: string): Promise<NodeRow> {
  const row = await ctx.loaders.node.load(id);
  if (!row) throw notFound('Node', id);
  return row;
}

/**
 * The given nodes first (in order), then the rest as the store returned them; the edges' papers are
 * loaded in one batch here so that `paper` resolves without a promise per edge.
 */
async function startingWith(ctx: ApiContext, graph: Subgraph, first: NodeRow[]): Promise<LineageGraphRow> {
  const ids = new Set(first.map((n) => n.id));
  const paperIds = new Set<string>();
  for (const e of graph.edges) if (e.paperId) paperIds.add(e.paperId);
  const papers = new Map<string, PaperRow>();
  // One store call, straight: nothing else in the answer looks these papers up again.
  if (paperIds.size > 0) for (const row of await ctx.store.nodesByIds([...paperIds])) if (row?.label === 'Paper') papers.set(row.id, row);
  return {
    nodes: [...first, ...graph.nodes.filter((n) => !ids.has(n.id))],
    edges: graph.edges.map((e) => ({
      type: e.type,
      source: e.source,
      target: e.target,
      evidence: e.evidence,
      paperId: e.paperId,
      outcome: e.outcome,
      paperRow: (e.paperId && papers.get(e.paperId)) || null,
    })),
    truncated: graph.truncated ?? false,
  };
}

export const lineageResolvers: Resolvers = {
  Query: {
    lineage: async (_, args, ctx) => {
      const depth = checkRange('depth', args.depth, 1, 5, 2);
      const maxNodes = checkRange('maxNodes', args.maxNodes, 1, 2000, 500);
      const types = args.relations ?? ['BUILDS_ON', 'COMPARED_WITH'];
      if (!types.length) throw badInput('relations', 'must name at least one relationship type');
      const start = await requireId(ctx, args.id);
      const graph = await ctx.store.lineage(args.id, { direction: args.direction ?? 'BOTH', depth, types, maxNodes });
      return startingWith(ctx, graph, [start]);
    },
    path: async (_, args, ctx) => {
      const maxHops = checkRange('maxHops', args.maxHops, 1, 6, 4);
      const [from, to] = await Promise.all([requireId(ctx, args.from), requireId(ctx, args.to)]);
      const graph = await ctx.store.shortestPath(args.from, args.to, { maxHops });
      return graph && startingWith(ctx, graph, [from, to]);
    },
    relatedMethods: async (_, args, ctx) => {
      const first = checkRange('first', args.first, 1, 100, 10);
      const start = await requireId(ctx, args.id);
      if (start.label !== 'Method') throw badInput('id', `"${args.id}" is a ${start.label}, not a Method`);
      return ctx.store.relatedMethods(args.id, first);
    },
  },
  LineageNode: {
    name: displayName,
    type: (row) => entityType(row.label),
    node: (row) => row,
  },
  LineageEdge: {
    paper: (edge) => edge.paperRow,
    outcome: (edge) => comparisonOutcome(edge),
  },
  RelatedMethod: {
    method: async (row, _, ctx) => (await ctx.loaders.node.load(row.id)) as EntityRow,
  },
};
