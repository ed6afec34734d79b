// Kùzu-only query text: full-text indexes (FTS extension) and shortest paths (`* SHORTEST`).
import type { NodeLabel } from '../../model/graph.ts';
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

/** Loads write faster without FTS indexes; commit builds them again. */
export async function dropFtsIndexes(db: KuzuFile): Promise<void> {
  const existing = await db.query('CALL SHOW_INDEXES() RETURN table_name AS t, index_name AS i');
  for (const [l, f] of Object.entries(FTS_INDEXES)) {
    if (existing.some((r) => r.t === l && r.i === f.index)) await db.exec(`CALL DROP_FTS_INDEX('${label(l)}', '${f.index}')`);
  }
}

export async function createFtsIndexes(db: KuzuFile): Promise<void> {
  for (const [l, f] of Object.entries(FTS_INDEXES)) {
    await db.exec(`CALL CREATE_FTS_INDEX('${label(l)}', '${f.index}', [${f.props.map((p) => `'${p}'`).join(', ')}])`);
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
