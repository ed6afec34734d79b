// Neo4j write statements for one prepared batch: MERGE by id, later non-null values win,
// aliases unioned, relationships merged on (type, from, to) keeping their first properties (as the embedded store does).
import { NODE_COLUMNS, type PreparedBatch } from '../batch.ts';
import { label, relType } from '../cypher/queries.ts';

export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/** Statements per 5,000 rows keep each parameter message small. */
const CHUNK = 5_000;

export function writeStatements(batch: PreparedBatch): Statement[] {
  const out: Statement[] = [];
  for (const [l, rows] of batch.nodes) {
    const cols = NODE_COLUMNS[l].filter((c) => c !== 'id' && c !== 'aliasText');
    const sets = cols.map((c) =>
      c === 'aliases'
        ? 'n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])]'
        : `n.${c} = coalesce(r.${c}, n.${c})`,
    );
    let text = `UNWIND $rows AS r MERGE (n:${label(l)} {id: r.id}) SET ${sets.join(', ')}`;
    if (NODE_COLUMNS[l].includes('aliasText')) {
      text += " SET n.aliasText = reduce(s = '', a IN n.aliases | s + CASE WHEN s = '' THEN '' ELSE ' ; ' END + a)";
    }
    for (const chunk of chunks(rows)) out.push({ text, params: { rows: chunk } });
  }
  for (const g of batch.rels) {
    const text =
      `UNWIND $rows AS r MATCH (a:${label(g.fromLabel)} {id: r.from}) MATCH (b:${label(g.toLabel)} {id: r.to}) ` +
      `MERGE (a)-[e:${relType(g.type)}]->(b) ` +
      'SET e.evidence = coalesce(e.evidence, r.evidence), e.paperId = coalesce(e.paperId, r.paperId), e.outcome = coalesce(e.outcome, r.outcome)';
    for (const chunk of chunks(g.rows)) out.push({ text, params: { rows: chunk } });
  }
  return out;
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}
