// Root lookups shared by the type areas: one node by id or by name, one page of a label.
import type { NodeLabel } from '../../model/graph.ts';
import type { ListQuery, NodeRow } from '../../store/port.ts';
import type { ApiContext } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import type { Page } from '../mappers.ts';
import { pageWindow, type PageArgs } from '../pagination.ts';

/** The node with this id if it has this label; null otherwise (unknown ids are not errors here). */
export async function byId(ctx: ApiContext, label: NodeLabel, id: string): Promise<NodeRow | null> {
  const row = await ctx.loaders.node.load(id);
  return row?.label === label ? row : null;
}

/** A node that must exist, for arguments such as filters: NOT_FOUND naming the argument otherwise. */
export async function requireNode(ctx: ApiContext, argumentName: string, label: NodeLabel, id: string): Promise<NodeRow> {
  const row = await byId(ctx, label, id);
  if (!row) throw notFound(`${label} (argument "${argumentName}")`, id);
  return row;
}

/** `method(id:, name:)` and friends: exactly one of the two; names match case-insensitively, aliases too. */
export async function byIdOrName(
  ctx: ApiContext,
  label: NodeLabel,
  args: { id?: string | null; name?: string | null },
): Promise<NodeRow | null> {
  if ((args.id == null) === (args.name == null)) throw badInput('id', 'give exactly one of "id" and "name"');
  if (args.id != null) return byId(ctx, label, args.id);
  const wanted = args.name!.trim().toLowerCase();
  if (!wanted) throw badInput('name', 'must not be blank');
  const matches = (row: NodeRow) =>
    ('name' in row && row.name.toLowerCase() === wanted) ||
    ('aliases' in row && row.aliases.some((a) => a.toLowerCase() === wanted));
  // Names first (exact substring listing), then full-text for aliases the listing does not match.
  const { rows } = await ctx.store.list({ label, where: { nameContains: wanted }, offset: 0, limit: 100 });
  const listed = rows.find(matches);
  if (listed) return listed;
  const hits = await ctx.store.search(args.name!, { labels: [label], limit: 20 });
  return hits.map((h) => h.node).find(matches) ?? null;
}

/** One page of `list` as a connection page. */
export async function listPage<T extends NodeRow>(
  ctx: ApiContext,
  query: Omit<ListQuery, 'offset' | 'limit'>,
  args: PageArgs,
): Promise<Page<T>> {
  const { offset, limit } = pageWindow(args);
  const { rows, totalCount } = await ctx.store.list({ ...query, offset, limit });
  for (const row of rows) ctx.loaders.node.prime(row.id, row);
  return { rows: rows as T[], totalCount, offset };
}
