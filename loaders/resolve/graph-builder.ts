// Streaming GraphBatch building: add papers one by one, drain whatever is new so a large load can flush in batches.
import type { ConceptNode, GraphBatch, NodeLabel, PaperNode, RelType } from '../../src/model/graph.ts';
import { emptyBatch, labelOfId, nodeId, REL_ENDPOINTS, slugify } from '../../src/model/graph.ts';
import { taxonomy } from '../extract/index.ts';
import type { ExtractedRelation, PaperExtraction, RawPaper } from '../types.ts';
import { paperNode } from './paper-node.ts';
import { EntityResolver, matchKey } from './resolver.ts';

/** Labels by id, memoised: ids recur in every paper, and labelOfId allocates. */
const labels = new Map<string, NodeLabel | undefined>();
function labelOf(id: string): NodeLabel | undefined {
  let l = labels.get(id);
  if (l === undefined && !labels.has(id)) {
    if (labels.size >= LABEL_MEMO_LIMIT) labels.clear();
    labels.set(id, (l = labelOfId(id)));
  }
  return l;
}
const LABEL_MEMO_LIMIT = 1_000_000;

const allowed = (type: RelType, from: string, to: string) => {
  const a = labelOf(from);
  const b = labelOf(to);
  return REL_ENDPOINTS[type].some(([x, y]) => x === a && y === b);
};

export class GraphBuilder {
  private readonly resolver = new EntityResolver();
  private readonly papers = new Set<string>();
  /** Papers whose nodes were already handed out (paperNodes() or a drained batch). */
  private readonly emittedPapers = new Set<string>();
  /** Nodes paperNodes() built, so add() does not build them again. */
  private readonly nodeOf = new WeakMap<RawPaper, PaperNode>();
  private readonly concepts = new Map<string, ConceptNode>();
  private readonly emittedConcepts = new Set<string>();
  private readonly emittedOrgs = new Set<string>();
  private batch: GraphBatch = emptyBatch();

  constructor() {
    for (const c of taxonomy().concepts) this.concepts.set(nodeId('Concept', c.id), { id: nodeId('Concept', c.id), name: c.name, description: c.description });
  }

  /**
   * The paper nodes of papers that will be added, first spelling of each id, so a writer can take
   * them before extraction; add() then leaves them out of its batches.
   */
  paperNodes(raws: Iterable<RawPaper>): PaperNode[] {
    const out: PaperNode[] = [];
    for (const raw of raws) {
      const paper = paperNode(raw);
      this.nodeOf.set(raw, paper);
      if (this.emittedPapers.has(paper.id)) continue;
      this.emittedPapers.add(paper.id);
      out.push(paper);
    }
    return out;
  }

  /** Adds one paper; false when a paper with the same key was already added. */
  add(raw: RawPaper, x: PaperExtraction): boolean {
    const paper = this.nodeOf.get(raw) ?? paperNode(raw);
    if (this.papers.has(paper.id)) return false;
    this.papers.add(paper.id);
    if (!this.emittedPapers.has(paper.id)) {
      this.emittedPapers.add(paper.id);
      this.batch.papers.push(paper);
    }
    const rels = this.batch.relationships;
    const rel = (type: RelType, from: string, to: string, evidence: string | null, outcome?: string | null) => {
      if (!allowed(type, from, to) || from === to) return;
      rels.push(outcome === undefined ? { type, from, to, evidence, paperId: paper.id } : { type, from, to, evidence, paperId: paper.id, outcome });
    };

    const idOf = new Map<string, string>();
    for (const e of x.entities) {
      const id = this.resolver.resolve(e);
      for (const form of [e.name, ...e.aliases]) if (!idOf.has(matchKey(form))) idOf.set(matchKey(form), id);
      rel(e.proposed ? 'PROPOSES' : 'MENTIONS', paper.id, id, e.evidence);
    }
    const ends = (r: ExtractedRelation) => [idOf.get(matchKey(r.from)), idOf.get(matchKey(r.to))] as const;
    const link = (type: RelType, list: ExtractedRelation[], outcome?: (r: ExtractedRelation) => string) => {
      const seen = new Set<string>();
      for (const r of list) {
        const [from, to] = ends(r);
        if (!from || !to || seen.has(`${from}|${to}`)) continue;
        seen.add(`${from}|${to}`);
        rel(type, from, to, r.evidence, outcome?.(r));
      }
    };
    link('BUILDS_ON', x.buildsOn);
    link('COMPARED_WITH', x.comparedWith, (r) => (r.outcome === 'outperforms' ? 'outperforms' : 'compared'));
    link('EVALUATED_ON', x.evaluatedOn);
    link('APPLIED_TO', x.appliedTo);

    for (const slug of x.concepts) rel('IN_CONCEPT', paper.id, this.concept(slug), null);
    for (const [name, slugs] of Object.entries(x.entityConcepts)) {
      const id = idOf.get(matchKey(name));
      if (id) for (const slug of slugs) rel('IN_CONCEPT', id, this.concept(slug), null);
    }
    if (raw.organization?.trim()) {
      const org = nodeId('Organization', slugify(raw.organization));
      if (!this.emittedOrgs.has(org)) {
        this.emittedOrgs.add(org);
        this.batch.organizations.push({ id: org, name: raw.organization.trim() });
      }
      rel('PUBLISHED_BY', paper.id, org, null);
    }
    return true;
  }

  /** Everything new since the last drain: papers, new or re-aliased entities, first-used concepts and organisations. */
  drain(): GraphBatch {
    const out = this.batch;
    out.entities = this.resolver.takeDirty();
    this.batch = emptyBatch();
    return out;
  }

  get paperCount(): number {
    return this.papers.size;
  }

  private concept(slug: string): string {
    const id = nodeId('Concept', slug);
    if (!this.emittedConcepts.has(id)) {
      this.emittedConcepts.add(id);
      const c = this.concepts.get(id) ?? { id, name: slug.replace(/-/g, ' '), description: null };
      this.batch.concepts.push(c);
    }
    return id;
  }
}

