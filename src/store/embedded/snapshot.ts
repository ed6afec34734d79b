// Copies one generation of the embedded database into a MemoryGraph. Nodes are matched to edges
// by Kùzu's internal offsets, so the copy never joins on ids (a hash join per relationship table).
import { NODE_LABELS, REL_ENDPOINTS, REL_TYPES, type NodeLabel } from '../../model/graph.ts';
import { nodeRowOf } from '../cypher/reads.ts';
import { label, relType } from '../cypher/queries.ts';
import { MemoryGraphBuilder, type MemoryGraph } from '../memory/graph.ts';
import { str } from '../rows.ts';
import type { KuzuFile } from './kuzu.ts';

export async function readMemoryGraph(db: KuzuFile): Promise<MemoryGraph> {
  const b = new MemoryGraphBuilder();
  const at = new Map<NodeLabel, number[]>();
  for (const l of NODE_LABELS) {
    const byOffset: number[] = [];
    await db.scan(`MATCH (n:${label(l)}) RETURN offset(id(n)) AS o, n AS node`, (r) => {
      const row = nodeRowOf(r.node);
      if (row) byOffset[Number(r.o)] = b.addNode(row);
    });
    at.set(l, byOffset);
  }
  for (const t of REL_TYPES) {
    for (const [from, to] of REL_ENDPOINTS[t]) {
      const src = at.get(from)!;
      const dst = at.get(to)!;
      await db.scan(
        `MATCH (a:${label(from)})-[e:${relType(t)}]->(b:${label(to)}) ` +
          'RETURN offset(id(a)) AS s, offset(id(b)) AS d, e.evidence AS evidence, e.paperId AS paperId, e.outcome AS outcome',
        (r) => b.addEdge(t, src[Number(r.s)]!, dst[Number(r.d)]!, { evidence: str(r.evidence), paperId: str(r.paperId), outcome: str(r.outcome) }),
      );
    }
  }
  return b.build();
}
