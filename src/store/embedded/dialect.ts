// Kùzu-only query text: full-text indexes (FTS extension) and shortest paths (`* SHORTEST`).
import { NODE_LABELS, type NodeLabel } from '../../model/graph.ts';
import { nodeRowOf, pathOf, type Dialect } from '../cypher/reads.ts';
import { label } from '../cypher/queries.ts';
import type { KuzuFile } from './kuzu.ts';

/** One FTS index per node table; entity aliases are indexed through the derived `aliasText` column. */
export const FTS_INDEXES: Record<NodeLabel, { index: string; props: string[] }> = {
  Paper: { index: 'paper_fts', props: ['title', 'abstract'] },
  Method: { index: 'method_fts', props: ['name', 'aliasText'] },
  Model: { index: 'model_fts', props: ['name', 'aliasText'] },
  Benchmark: { index: 'benchmark_fts', props: ['name', 'aliasText'] },
  Metric: { index: 'metric_fts', props: ['name', 'aliasText'] },
  Concept: { index: 'concept_fts', props: ['name', 'description'] },
  Organization: { index: 'organization_fts', props: ['name'] },
};

export function createFtsIndex(l: NodeLabel): string {
  const f = FTS_INDEXES[l];
  return `CALL CREATE_FTS_INDEX('${label(l)}', '${f.index}', [${f.props.map((p) => `'${p}'`).join(', ')}])`;
}

function dropFtsIndex(l: NodeLabel): string {
  return `CALL DROP_FTS_INDEX('${label(l)}', '${FTS_INDEXES[l].index}')`;
}

/** Loads write faster without FTS indexes; the writer builds them again. */
export async function dropFtsIndexes(db: KuzuFile): Promise<void> {
  const existing = await db.query('CALL SHOW_INDEXES() RETURN table_name AS t, index_name AS i');
  for (const l of NODE_LABELS) {
    if (existing.some((r) => r.t === l && r.i === FTS_INDEXES[l].index)) await db.exec(dropFtsIndex(l));
  }
}

export function kuzuDialect(read: (text: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>): Dialect {
  return {
    async search(query, labels, limit) {
      const hits = await Promise.all(
        labels.map(async (l) => {
          const text = `CALL QUERY_FTS_INDEX('${label(l)}', '${FTS_INDEXES[l].index}', $q, top := $k) RETURN node, score`;
          const rows = await read(text, { q: query, k: limit });
          return rows.flatMap((r) => {
            const node = nodeRowOf(r.node);
            return node ? [{ node, score: Number(r.score) }] : [];
          });
        }),
      );
      return hits.flat();
    },

    async shortestPath([fromLabel, from], [toLabel, to], maxHops) {
      const text =
        `MATCH p = (a:${label(fromLabel)})-[* SHORTEST 1..${maxHops}]-(b:${label(toLabel)}) ` +
        'WHERE a.id = $from AND b.id = $to RETURN nodes(p) AS nodes, rels(p) AS rels LIMIT 1';
      const [row] = await read(text, { from, to });
      return row ? pathOf(row.nodes as unknown[], row.rels as Record<string, unknown>[]) : null;
    },
  };
}
