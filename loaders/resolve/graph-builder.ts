// Streaming GraphBatch building: add papers one by one, drain whatever is new so a large load can flush in batches.
import type { ConceptNode, EntityNode, GraphBatch, NodeLabel, PaperNode, RelType } from '../../src/model/graph.ts';
import { emptyBatch, nodeId, REL_ENDPOINTS, slugify } from '../../src/model/graph.ts';
import { taxonomy } from '../extract/index.ts';
import type { ExtractedRelation, PaperExtraction, RawPaper } from '../types.ts';
import { paperNode } from './paper-node.ts';
import { EntityResolver, matchKey } from './resolver.ts';

/** Whether the graph model allows `type` from label `a` to label `b` (a few pairs per type to compare). */
const allowed = (type: RelType, a: NodeLabel, b: NodeLabel) => REL_ENDPOINTS[type].some(([x, y]) => x === a && y === b);

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
    // Endpoints come with their labels (entities from the resolver): no id is parsed per relationship.
    const rel = (type: RelType, from: string, a: NodeLabel, to: string, b: NodeLabel, evidence: string | null, outcome: string | null = null) => {
      if (from !== to && allowed(type, a, b)) rels.push({ type, from, to, evidence, paperId: paper.id, outcome });
    };

    // Relations name their ends as the paper wrote them: the first entity with a form of the same
    // match key. Most ends are spelled exactly as an entity's form, found without a key.
    const nodeOf = new Map<string, EntityNode>();
    const nodeOfForm = new Map<string, EntityNode>();
    const conceptual: Array<[EntityNode, string[]]> = [];
    for (const e of x.entities) {
      const node = this.resolver.resolveNode(e);
      if (e.concepts) conceptual.push([node, e.concepts]);
      for (const form of [e.name, ...e.aliases]) {
        const key = matchKey(form);
        if (!nodeOf.has(key)) nodeOf.set(key, node);
        if (!nodeOfForm.has(form)) nodeOfForm.set(form, nodeOf.get(key)!);
      }
      rel(e.proposed ? 'PROPOSES' : 'MENTIONS', paper.id, 'Paper', node.id, node.label, e.evidence);
    }
    const end = (name: string) => nodeOfForm.get(name) ?? nodeOf.get(matchKey(name));
    const link = (type: RelType, list: ExtractedRelation[], outcome?: (r: ExtractedRelation) => string) => {
      const seen = new Map<EntityNode, Set<EntityNode>>();
      for (const r of list) {
        const from = end(r.from);
        const to = end(r.to);
        if (!from || !to) continue;
        let tos = seen.get(from);
        if (!tos) seen.set(from, (tos = new Set()));
        if (tos.has(to)) continue;
        tos.add(to);
        rel(type, from.id, from.label, to.id, to.label, r.evidence, outcome?.(r));
      }
    };
    link('BUILDS_ON', x.buildsOn);
    link('COMPARED_WITH', x.comparedWith, (r) => (r.outcome === 'outperforms' ? 'outperforms' : 'compared'));
    link('EVALUATED_ON', x.evaluatedOn);
    link('APPLIED_TO', x.appliedTo);

    for (const slug of x.concepts) rel('IN_CONCEPT', paper.id, 'Paper', this.concept(slug), 'Concept', null);
    for (const [node, slugs] of conceptual) for (const slug of slugs) rel('IN_CONCEPT', node.id, node.label, this.concept(slug), 'Concept', null);
    if (raw.organization?.trim()) {
      const org = nodeId('Organization', slugify(raw.organization));
      if (!this.emittedOrgs.has(org)) {
        this.emittedOrgs.add(org);
        this.batch.organizations.push({ id: org, name: raw.organization.trim() });
      }
      rel('PUBLISHED_BY', paper.id, 'Paper', org, 'Organization', null);
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

