import { describe, expect, it } from 'vitest';
import { extractPaper } from '../../loaders/extract/index.ts';
import { GraphBuilder } from '../../loaders/resolve/index.ts';
import type { RawPaper } from '../../loaders/types.ts';
import { labelOfId, REL_ENDPOINTS, type GraphBatch } from '../../src/model/graph.ts';

const raw = (title: string, abstract: string, extra: Partial<RawPaper> = {}): RawPaper => ({
  title,
  abstract,
  publishedAt: null,
  authorCount: null,
  organization: null,
  upvotes: null,
  arxivId: null,
  url: null,
  provenance: { file: 'test', line: 1 },
  ...extra,
});

function build(papers: RawPaper[]): { builder: GraphBuilder; batch: GraphBatch } {
  const builder = new GraphBuilder();
  for (const p of papers) builder.add(p, extractPaper(p));
  return { builder, batch: builder.drain() };
}

const entityIds = (b: GraphBatch) => b.entities.map((e) => e.id).sort();

describe('entity resolution', () => {
  it('merges spelling variants into one canonical entity', () => {
    const { batch } = build([
      raw('Lexical Baselines Revisited', 'We compare a neural ranker with BM-25 on MSMarco using LLaMA 7B.'),
      raw('Sparse Retrieval at Scale', 'BM25 remains strong on MS MARCO, also for LLaMA-7B rerankers.'),
    ]);
    const ids = entityIds(batch);
    expect(ids.filter((id) => id.startsWith('method:bm'))).toEqual(['method:bm25']);
    expect(ids.filter((id) => id.includes('marco'))).toEqual(['benchmark:ms-marco']);
    expect(ids.filter((id) => id.includes('llama'))).toEqual(['model:llama-7b']);
    const bm25 = batch.entities.find((e) => e.id === 'method:bm25')!;
    expect(bm25.name).toBe('BM25');
    expect(bm25.aliases).toContain('BM-25');
  });

  it('keeps acronym collisions apart when the full names differ', () => {
    const { batch } = build([
      raw('Calibrating Heads', 'We propose an Attention Calibration Technique (ACT) for decoders. ACT is training-free.'),
      raw('Pondering Networks', 'We propose Adaptive Computation Time (ACT), which lets networks decide how long to think.'),
    ]);
    const acts = batch.entities.filter((e) => e.aliases.includes('ACT'));
    expect(acts.map((e) => e.id).sort()).toEqual(['method:adaptive-computation-time', 'method:attention-calibration-technique']);
  });

  it('gives the same ids on every run and re-emits entities that gained aliases', () => {
    const papers = [raw('Paper One', 'We study GQA with LLaMA 7B.'), raw('Paper Two', 'Grouped-Query Attention (GQA) speeds up LLaMA-7B.')];
    expect(entityIds(build(papers).batch)).toEqual(entityIds(build(papers).batch));
    expect(entityIds(build([...papers].reverse()).batch)).toEqual(entityIds(build(papers).batch));
    const builder = new GraphBuilder();
    builder.add(papers[0], extractPaper(papers[0]));
    expect(builder.drain().entities.map((e) => e.id)).toEqual(['method:grouped-query-attention', 'model:llama-7b']);
    builder.add(papers[1], extractPaper(papers[1]));
    const second = builder.drain();
    expect(second.papers.map((p) => p.id)).toEqual(['paper:papertwo']);
    expect(second.entities.find((e) => e.id === 'model:llama-7b')?.aliases).toEqual(['LLaMA-7B']);
    expect(builder.drain().relationships).toEqual([]);
  });
});

describe('graph batch', () => {
  const p = raw(
    'GlideAttention: Faster Decoding',
    'We propose GlideAttention, which builds on FlashAttention and reduces the KV cache. GlideAttention outperforms Longformer on RULER with Llama-3.1-8B. Code is available at https://github.com/x/y.',
    { publishedAt: '2024-05-02', organization: 'Acme Labs' },
  );
  const { batch } = build([p, p]);

  it('builds a paper node with a stable id, year and code flag, once per key', () => {
    expect(batch.papers).toHaveLength(1);
    expect(batch.papers[0]).toMatchObject({ id: 'paper:glideattentionfasterdecoding', year: 2024, hasCode: true });
  });

  it('emits typed relationships with evidence, only between allowed labels', () => {
    const rels = batch.relationships;
    for (const r of rels) {
      expect(REL_ENDPOINTS[r.type].some(([a, b]) => a === labelOfId(r.from) && b === labelOfId(r.to))).toBe(true);
      expect(r.paperId).toBe('paper:glideattentionfasterdecoding');
    }
    const find = (type: string, to: string) => rels.find((r) => r.type === type && r.to === to);
    expect(find('PROPOSES', 'method:glideattention')?.evidence).toMatch(/^We propose GlideAttention/);
    expect(find('BUILDS_ON', 'method:flashattention')).toMatchObject({ from: 'method:glideattention' });
    expect(find('COMPARED_WITH', 'method:longformer')).toMatchObject({ outcome: 'outperforms' });
    expect(find('EVALUATED_ON', 'benchmark:ruler')).toBeTruthy();
    expect(find('APPLIED_TO', 'model:llama-3-1-8b')).toBeTruthy();
    expect(find('PUBLISHED_BY', 'org:acme-labs')).toBeTruthy();
    expect(find('IN_CONCEPT', 'concept:kv-cache-compression')?.from).toBe('paper:glideattentionfasterdecoding');
    expect(batch.organizations).toEqual([{ id: 'org:acme-labs', name: 'Acme Labs' }]);
    expect(batch.concepts.map((c) => c.id)).toContain('concept:kv-cache-compression');
  });
});
