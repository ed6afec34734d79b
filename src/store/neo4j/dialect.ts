// Neo4j-only query text: the full-text index (db.index.fulltext) and shortestPath().
import { label } from '../cypher/queries.ts';
import { nodeRowOf, pathOf, type Dialect, type ResultRow } from '../cypher/reads.ts';

export const FULLTEXT_INDEX = 'kg_fulltext';

/** Lucene treats these as syntax; searches are for the words the user typed. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}

export function neo4jDialect(read: (text: string, params: Record<string, unknown>) => Promise<ResultRow[]>): Dialect {
  return {
    async search(query, labels, limit) {
      const rows = await read(
        `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $q) YIELD node, score ` +
          'WHERE any(l IN labels(node) WHERE l IN $labels) RETURN node, score LIMIT $k',
        { q: escapeLucene(query), labels: [...labels], k: limit },
      );
      return rows.flatMap((r) => {
        const node = nodeRowOf(r.node);
        return node ? [{ node, score: Number(r.score) }] : [];
      });
    },

    async shortestPath([fromLabel, from], [toLabel, to], maxHops) {
      const [row] = await read(
        `MATCH (a:${label(fromLabel)} {id: $from}), (b:${label(toLabel)} {id: $to}) ` +
          `MATCH p = shortestPath((a)-[*..${maxHops}]-(b)) RETURN nodes(p) AS nodes, relationships(p) AS rels`,
        { from, to },
      );
      return row ? pathOf(row.nodes as unknown[], row.rels as Record<string, unknown>[]) : null;
    },
  };
}
