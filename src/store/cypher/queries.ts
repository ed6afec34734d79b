// Read query text shared by both adapters: the Cypher subset Kùzu and Neo4j both accept.
// Labels and relationship types come only from the model's whitelist; every value is a parameter.
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/graph.ts';
import { StoreError } from '../errors.ts';
import type { ListQuery } from '../port.ts';
import { checkList } from '../read-logic.ts';

export function label(l: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new StoreError('INVALID', `unknown node label ${l}`);
  return l as NodeLabel;
}

export function relType(t: string): RelType {
  if (!(REL_TYPES as readonly string[]).includes(t)) throw new StoreError('INVALID', `unknown relationship type ${t}`);
  return t as RelType;
}

const EDGE_COLUMNS = 'e.evidence AS evidence, e.paperId AS paperId, e.outcome AS outcome';

/** The papers a node is counted by: proposing/mentioning papers for entities. */
function paperLink(l: NodeLabel, n: string): string {
  switch (l) {
    case 'Paper':
      throw new StoreError('INVALID', 'papers have no paper count');
    case 'Concept':
      return `(p:Paper)-[:IN_CONCEPT]->(${n})`;
    case 'Organization':
      return `(p:Paper)-[:PUBLISHED_BY]->(${n})`;
    default:
      return `(p:Paper)-[:PROPOSES|MENTIONS]->(${n})`;
  }
}

/** Papers in a concept directly or through the methods they propose or mention. */
const PAPER_IN_CONCEPT =
  '(EXISTS { MATCH (n)-[:IN_CONCEPT]->(c:Concept) WHERE c.id = $conceptId }' +
  ' OR EXISTS { MATCH (n)-[:PROPOSES|MENTIONS]->(cm:Method)-[:IN_CONCEPT]->(c:Concept) WHERE c.id = $conceptId })';

export const Q = {
  nodesByIds: (l: NodeLabel) => `MATCH (n:${label(l)}) WHERE n.id IN $ids RETURN n AS node`,
  existingIds: (l: NodeLabel) => `MATCH (n:${label(l)}) WHERE n.id IN $ids RETURN n.id AS id`,
  /** `to` null: any label at the far end (one query for every label pair of the type). */
  neighboursOut: (t: RelType, from: NodeLabel, to: NodeLabel | null) =>
    `MATCH (a:${label(from)})-[e:${relType(t)}]->(b${to ? `:${label(to)}` : ''}) WHERE a.id IN $ids ` +
    `RETURN a.id AS of, a.id AS source, b.id AS target, ${EDGE_COLUMNS}, b AS node`,
  neighboursIn: (t: RelType, from: NodeLabel | null, to: NodeLabel) =>
    `MATCH (b${from ? `:${label(from)}` : ''})-[e:${relType(t)}]->(a:${label(to)}) WHERE a.id IN $ids ` +
    `RETURN a.id AS of, b.id AS source, a.id AS target, ${EDGE_COLUMNS}, b AS node`,
  paperCounts: (l: NodeLabel) =>
    `MATCH ${paperLink(l, `n:${label(l)}`)} WHERE n.id IN $ids RETURN n.id AS id, count(DISTINCT p) AS count`,
  countNodes: (l: NodeLabel) => `MATCH (n:${label(l)}) RETURN count(n) AS count`,
  countRels: (t: RelType) => `MATCH ()-[r:${relType(t)}]->() RETURN count(r) AS count`,
  trends: (by: 'YEAR' | 'MONTH', inConcept: boolean) => {
    const bucket = by === 'YEAR' ? 'n.year' : 'left(n.publishedAt, 7)';
    const known = by === 'YEAR' ? 'n.year IS NOT NULL' : 'n.publishedAt IS NOT NULL';
    return `MATCH (n:Paper) WHERE ${known}${inConcept ? ` AND ${PAPER_IN_CONCEPT}` : ''} RETURN ${bucket} AS bucket, count(n) AS count`;
  },
  methodName: 'MATCH (m:Method) WHERE m.id = $id RETURN m.name AS name',
  sharedBenchmarks:
    'MATCH (m:Method)-[:EVALUATED_ON]->(x:Benchmark)<-[:EVALUATED_ON]-(o:Method) WHERE m.id = $id AND o.id <> $id RETURN o.id AS id, x.name AS name',
  sharedConcepts:
    'MATCH (m:Method)-[:IN_CONCEPT]->(x:Concept)<-[:IN_CONCEPT]-(o:Method) WHERE m.id = $id AND o.id <> $id RETURN o.id AS id, x.name AS name',
  coMentions:
    'MATCH (m:Method)<-[:PROPOSES|MENTIONS]-(p:Paper)-[:PROPOSES|MENTIONS]->(o:Method) WHERE m.id = $id AND o.id <> $id ' +
    'RETURN o.id AS id, count(DISTINCT p) AS papers',
  buildsOn: 'MATCH (m:Method)-[:BUILDS_ON]->(o:Method) WHERE m.id = $id AND o.id <> $id RETURN o.id AS id, o.name AS name',
  builtOnBy: 'MATCH (o:Method)-[:BUILDS_ON]->(m:Method) WHERE m.id = $id AND o.id <> $id RETURN o.id AS id, o.name AS name',
  comparedWith: 'MATCH (m:Method)-[:COMPARED_WITH]-(o:Method) WHERE m.id = $id AND o.id <> $id RETURN DISTINCT o.id AS id, o.name AS name',
};

export interface ListText {
  count: string;
  page: string;
  params: Record<string, unknown>;
}

/** Builds the list queries from fixed fragments; values in `where` only ever become parameters. */
export function listQueries(q: ListQuery): ListText {
  const { offset, limit } = checkList(q);
  const l = label(q.label);
  const w = q.where ?? {};
  const conds: string[] = [];
  const params: Record<string, unknown> = {};
  const paper = l === 'Paper';

  if (w.nameContains) {
    conds.push(paper ? "toLower(coalesce(n.title, '')) CONTAINS toLower($nameContains)" : 'toLower(n.name) CONTAINS toLower($nameContains)');
    params.nameContains = w.nameContains;
  }
  if (w.conceptId) {
    params.conceptId = w.conceptId;
    if (paper) conds.push(PAPER_IN_CONCEPT);
    else if (l === 'Method') conds.push('EXISTS { MATCH (n)-[:IN_CONCEPT]->(c:Concept) WHERE c.id = $conceptId }');
    else {
      conds.push(
        'EXISTS { MATCH (c:Concept)<-[:IN_CONCEPT]-(cm:Method)<-[:PROPOSES|MENTIONS]-(cp:Paper)-[:PROPOSES|MENTIONS]->(n) WHERE c.id = $conceptId }',
      );
    }
  }

  // Paper filters apply to papers themselves, and to other nodes through the papers linked to them.
  const paperConds: string[] = [];
  const pv = paper ? 'n' : 'p';
  if (w.yearFrom !== undefined && w.yearFrom !== null) {
    paperConds.push(`${pv}.year >= $yearFrom`);
    params.yearFrom = w.yearFrom;
  }
  if (w.yearTo !== undefined && w.yearTo !== null) {
    paperConds.push(`${pv}.year <= $yearTo`);
    params.yearTo = w.yearTo;
  }
  if (w.hasCode !== undefined && w.hasCode !== null) {
    paperConds.push(`${pv}.hasCode = $hasCode`);
    params.hasCode = Boolean(w.hasCode);
  }
  if (w.organizationId) params.organizationId = w.organizationId;
  if (paper) {
    conds.push(...paperConds);
    if (w.organizationId) conds.push('EXISTS { MATCH (n)-[:PUBLISHED_BY]->(o:Organization) WHERE o.id = $organizationId }');
  } else if (paperConds.length > 0 || w.organizationId) {
    const pattern = w.organizationId ? `${paperLink(l, 'n')}, (p)-[:PUBLISHED_BY]->(o:Organization)` : paperLink(l, 'n');
    if (w.organizationId) paperConds.push('o.id = $organizationId');
    conds.push(`EXISTS { MATCH ${pattern} WHERE ${paperConds.join(' AND ')} }`);
  }

  // Kùzu 0.11 loses parameters inside an EXISTS/COUNT subquery once the WHERE also uses another
  // parameter ("Parameter conceptId not found"); binding the filter values to variables first works
  // in both engines, so subqueries refer to variables only.
  const bound = Object.keys(params);
  const bind = (text: string) => text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string) => (bound.includes(name) ? `v_${name}` : m));
  const head = bound.length
    ? `MATCH (n:${l}) WITH n, ${bound.map((k) => `$${k} AS v_${k}`).join(', ')}`
    : `MATCH (n:${l})`;
  const where = conds.length ? ` WHERE ${bind(conds.join(' AND '))}` : '';
  const field = q.orderBy?.field ?? 'name';
  const dir = q.orderBy?.direction === 'DESC' ? 'DESC' : 'ASC';
  let sortKey: string;
  if (field === 'name') sortKey = paper ? 'toLower(coalesce(n.title, n.key))' : 'toLower(n.name)';
  else if (field === 'paperCount') sortKey = `COUNT { MATCH ${paperLink(l, 'n')} }`;
  else sortKey = `coalesce(n.${field === 'year' ? 'year' : 'upvotes'}, 0)`;

  params.offset = offset;
  params.limit = limit;
  return {
    count: `${head}${where} RETURN count(n) AS total`,
    page: `${head}${where} RETURN n AS node, ${sortKey} AS sortKey ORDER BY sortKey ${dir}, node.id SKIP $offset LIMIT $limit`,
    params,
  };
}
