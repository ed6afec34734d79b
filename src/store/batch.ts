// Checks a GraphBatch against the graph model and reduces it to deduplicated rows per table,
// so both adapters write the same thing and a bad batch fails before anything is written.
import {
  REL_ENDPOINTS,
  REL_TYPES,
  labelOfId,
  type GraphBatch,
  type NodeLabel,
  type RelType,
} from '../model/graph.ts';
import { StoreError } from './errors.ts';
import { isEntityLabel } from './rows.ts';

export type Row = Record<string, unknown>;

const ENTITY_COLUMNS = ['id', 'name', 'aliases', 'aliasText', 'family', 'parameters'];

/** Stored properties per label: the model's fields plus `aliasText`, the aliases as one string for full-text search. */
export const NODE_COLUMNS: Record<NodeLabel, string[]> = {
  Paper: ['id', 'key', 'title', 'abstract', 'publishedAt', 'year', 'authorCount', 'upvotes', 'arxivId', 'url', 'hasCode'],
  Method: ENTITY_COLUMNS,
  Model: ENTITY_COLUMNS,
  Benchmark: ENTITY_COLUMNS,
  Metric: ENTITY_COLUMNS,
  Concept: ['id', 'name', 'description'],
  Organization: ['id', 'name'],
};

export interface RelRow {
  from: string;
  to: string;
  evidence: string | null;
  paperId: string | null;
  outcome: string | null;
}

/** Relationships of one type between one pair of labels: the unit a rel table is written in. */
export interface RelGroup {
  type: RelType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  rows: RelRow[];
}

export interface PreparedBatch {
  nodes: Map<NodeLabel, Row[]>;
  rels: RelGroup[];
}

/** Ids among `ids` that exist with `label` in the store. */
export type ExistingIds = (label: NodeLabel, ids: string[]) => Promise<Set<string>>;

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function aliasText(aliases: readonly string[]): string {
  return aliases.join(' ; ');
}

export function unionAliases(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export async function prepareBatch(batch: GraphBatch, existing: ExistingIds): Promise<PreparedBatch> {
  const labelOf = new Map<string, NodeLabel>();
  const nodes = new Map<NodeLabel, Map<string, Row>>();

  const add = (label: NodeLabel, row: Row) => {
    const id = row.id;
    if (typeof id !== 'string' || !id) throw new StoreError('INVALID', `a ${label} in the batch has no id`);
    const seen = labelOf.get(id);
    if (seen && seen !== label) throw new StoreError('INVALID', `node ${id} is both a ${seen} and a ${label} in the batch`);
    labelOf.set(id, label);
    const table = nodes.get(label) ?? new Map<string, Row>();
    nodes.set(label, table);
    const prev = table.get(id);
    table.set(id, prev ? mergeRows(prev, row) : row);
  };

  for (const p of batch.papers ?? []) {
    add('Paper', {
      id: p.id,
      key: p.key,
      title: orNull(p.title),
      abstract: p.abstract ?? '',
      publishedAt: orNull(p.publishedAt),
      year: orNull(p.year),
      authorCount: orNull(p.authorCount),
      upvotes: orNull(p.upvotes),
      arxivId: orNull(p.arxivId),
      url: orNull(p.url),
      hasCode: p.hasCode === true,
    });
  }
  for (const e of batch.entities ?? []) {
    if (!isEntityLabel(e.label)) throw new StoreError('INVALID', `entity ${e.id} has unknown label ${String(e.label)}`);
    add(e.label, {
      id: e.id,
      name: e.name,
      aliases: unionAliases([], e.aliases ?? []),
      family: orNull(e.family),
      parameters: orNull(e.parameters),
    });
  }
  for (const c of batch.concepts ?? []) add('Concept', { id: c.id, name: c.name, description: orNull(c.description) });
  for (const o of batch.organizations ?? []) add('Organization', { id: o.id, name: o.name });

  await resolveOutsideEndpoints(batch, labelOf, existing);

  // Rows are grouped and deduplicated through nested maps keyed by the rows' own strings: no key
  // is built per row (a load checks millions), and the model is checked once per group.
  const groups = new Map<RelType, Map<NodeLabel, Map<NodeLabel, GroupRows>>>();
  for (const r of batch.relationships ?? []) {
    const fromLabel = labelOf.get(r.from)!;
    const toLabel = labelOf.get(r.to)!;
    let byFrom = groups.get(r.type);
    if (!byFrom) {
      if (!(REL_TYPES as readonly string[]).includes(r.type)) {
        throw new StoreError('INVALID', `relationship ${r.from} -> ${r.to} has unknown type ${String(r.type)}`);
      }
      groups.set(r.type, (byFrom = new Map()));
    }
    let byTo = byFrom.get(fromLabel);
    if (!byTo) byFrom.set(fromLabel, (byTo = new Map()));
    let group = byTo.get(toLabel);
    if (!group) {
      if (!REL_ENDPOINTS[r.type].some(([f, t]) => f === fromLabel && t === toLabel)) {
        throw new StoreError(
          'INVALID',
          `relationship ${r.type} ${r.from} -> ${r.to}: ${fromLabel} -> ${toLabel} is not allowed by the graph model`,
        );
      }
      byTo.set(toLabel, (group = { group: { type: r.type, fromLabel, toLabel, rows: [] }, seen: new Map() }));
    }
    let tos = group.seen.get(r.from);
    if (!tos) group.seen.set(r.from, (tos = new Map()));
    const prev = tos.get(r.to);
    if (prev) {
      prev.evidence ??= orNull(r.evidence);
      prev.paperId ??= orNull(r.paperId);
      prev.outcome ??= orNull(r.outcome);
      continue;
    }
    const row: RelRow = { from: r.from, to: r.to, evidence: orNull(r.evidence), paperId: orNull(r.paperId), outcome: orNull(r.outcome) };
    tos.set(r.to, row);
    group.group.rows.push(row);
  }

  return {
    nodes: new Map([...nodes].map(([label, table]) => [label, [...table.values()]])),
    rels: [...groups.values()].flatMap((byFrom) => [...byFrom.values()].flatMap((byTo) => [...byTo.values()].map((g) => g.group))),
  };
}

interface GroupRows {
  group: RelGroup;
  /** from -> to -> row */
  seen: Map<string, Map<string, RelRow>>;
}

/** Endpoints not in the batch must already be in the store; records their labels in `labelOf`. */
async function resolveOutsideEndpoints(batch: GraphBatch, labelOf: Map<string, NodeLabel>, existing: ExistingIds) {
  const wanted = new Map<NodeLabel, Set<string>>();
  const missing = (r: { type: string; from: string; to: string }, id: string) =>
    new StoreError('INVALID', `relationship ${r.type} ${r.from} -> ${r.to}: no node ${id} in the batch or the store`);
  for (const r of batch.relationships ?? []) {
    for (const id of [r.from, r.to]) {
      if (labelOf.has(id)) continue;
      const label = typeof id === 'string' ? labelOfId(id) : undefined;
      if (!label) throw missing(r, String(id));
      const set = wanted.get(label) ?? new Set<string>();
      wanted.set(label, set);
      set.add(id);
    }
  }
  for (const [label, ids] of wanted) {
    const found = await existing(label, [...ids]);
    for (const id of found) labelOf.set(id, label);
  }
  for (const r of batch.relationships ?? []) {
    for (const id of [r.from, r.to]) if (!labelOf.has(id)) throw missing(r, id);
  }
}

/** Later values win unless null; alias lists are unioned. */
export function mergeRows(prev: Row, next: Row): Row {
  const out: Row = { ...prev };
  for (const [k, v] of Object.entries(next)) {
    if (k === 'aliases') out.aliases = unionAliases((prev.aliases as string[]) ?? [], (v as string[]) ?? []);
    else if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
}
