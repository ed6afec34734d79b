// Hand-written graph batches for the store contract suite: two attention families and their papers.
import { emptyBatch, type GraphBatch, type PaperNode, type Relationship } from '../../src/model/graph.ts';

const paper = (id: string, title: string, publishedAt: string | null, extra: Partial<PaperNode> = {}): PaperNode => ({
  id: `paper:${id}`,
  key: id,
  title,
  abstract: `${title}. This paper studies attention. Our method improves memory use and speed on long sequences.`,
  publishedAt,
  year: publishedAt ? Number(publishedAt.slice(0, 4)) : null,
  authorCount: 3,
  upvotes: null,
  arxivId: null,
  url: null,
  hasCode: false,
  ...extra,
});

const rel = (type: Relationship['type'], from: string, to: string, extra: Partial<Relationship> = {}): Relationship => ({
  type,
  from,
  to,
  evidence: `${from} ${type} ${to}.`,
  paperId: null,
  ...extra,
});

export function corpusA(): GraphBatch {
  return {
    papers: [
      paper('flash', 'FlashAttention: Fast and Memory-Efficient Exact Attention', '2022-05-27', {
        upvotes: 10,
        hasCode: true,
        abstract: 'Transformers are slow on long sequences. We propose FlashAttention, an IO-aware exact attention algorithm. Code is at github.com/x/flash.',
      }),
      paper('flash2', 'FlashAttention-2: Faster Attention with Better Parallelism', '2023-07-17', { upvotes: 20, hasCode: true }),
      paper('snapkv', 'SnapKV: LLM Knows What You Are Looking For', '2024-04-22', { upvotes: 5 }),
      paper('pyramidkv', 'PyramidKV: Dynamic KV Cache Compression', '2024-06-04', { upvotes: 7 }),
    ],
    entities: [
      { id: 'method:attention', label: 'Method', name: 'Self-Attention', aliases: ['scaled dot-product attention'] },
      { id: 'method:flashattention', label: 'Method', name: 'FlashAttention', aliases: ['FA'] },
      { id: 'method:flashattention-2', label: 'Method', name: 'FlashAttention-2', aliases: ['FA2'] },
      { id: 'method:snapkv', label: 'Method', name: 'SnapKV', aliases: [] },
      { id: 'method:pyramidkv', label: 'Method', name: 'PyramidKV', aliases: [] },
      { id: 'method:h2o', label: 'Method', name: 'H2O', aliases: ['Heavy-Hitter Oracle'] },
      { id: 'benchmark:ruler', label: 'Benchmark', name: 'RULER', aliases: [] },
      { id: 'benchmark:longbench', label: 'Benchmark', name: 'LongBench', aliases: [] },
      { id: 'model:llama-2-7b', label: 'Model', name: 'Llama-2-7B', aliases: [], family: 'Llama', parameters: '7B' },
      { id: 'metric:perplexity', label: 'Metric', name: 'Perplexity', aliases: ['PPL'] },
      { id: 'metric:bleu', label: 'Metric', name: 'BLEU', aliases: [] },
    ],
    concepts: [
      { id: 'concept:kv-cache-compression', name: 'KV-cache compression', description: 'Shrinking the key-value cache.' },
      { id: 'concept:efficient-attention', name: 'Efficient attention', description: null },
    ],
    organizations: [{ id: 'org:stanford', name: 'Stanford' }],
    relationships: [
      rel('PROPOSES', 'paper:flash', 'method:flashattention', { paperId: 'paper:flash', evidence: 'We propose FlashAttention.' }),
      rel('PROPOSES', 'paper:flash2', 'method:flashattention-2', { paperId: 'paper:flash2' }),
      rel('PROPOSES', 'paper:snapkv', 'method:snapkv', { paperId: 'paper:snapkv' }),
      rel('PROPOSES', 'paper:pyramidkv', 'method:pyramidkv', { paperId: 'paper:pyramidkv' }),
      rel('MENTIONS', 'paper:flash2', 'method:flashattention', { paperId: 'paper:flash2' }),
      rel('MENTIONS', 'paper:snapkv', 'method:h2o', { paperId: 'paper:snapkv' }),
      rel('MENTIONS', 'paper:snapkv', 'benchmark:ruler', { paperId: 'paper:snapkv' }),
      rel('MENTIONS', 'paper:pyramidkv', 'method:snapkv', { paperId: 'paper:pyramidkv' }),
      rel('MENTIONS', 'paper:pyramidkv', 'method:h2o', { paperId: 'paper:pyramidkv' }),
      rel('MENTIONS', 'paper:pyramidkv', 'metric:perplexity', { paperId: 'paper:pyramidkv' }),
      rel('BUILDS_ON', 'method:flashattention-2', 'method:flashattention', { paperId: 'paper:flash2', evidence: 'FlashAttention-2 builds on FlashAttention.' }),
      rel('BUILDS_ON', 'method:flashattention', 'method:attention', { paperId: 'paper:flash' }),
      rel('BUILDS_ON', 'method:pyramidkv', 'method:snapkv', { paperId: 'paper:pyramidkv' }),
      rel('COMPARED_WITH', 'method:snapkv', 'method:h2o', { paperId: 'paper:snapkv', outcome: 'outperforms' }),
      rel('COMPARED_WITH', 'method:pyramidkv', 'method:h2o', { paperId: 'paper:pyramidkv', outcome: 'outperforms' }),
      rel('EVALUATED_ON', 'method:snapkv', 'benchmark:ruler', { paperId: 'paper:snapkv' }),
      rel('EVALUATED_ON', 'method:snapkv', 'benchmark:longbench', { paperId: 'paper:snapkv' }),
      rel('EVALUATED_ON', 'method:pyramidkv', 'benchmark:longbench', { paperId: 'paper:pyramidkv' }),
      rel('EVALUATED_ON', 'method:h2o', 'benchmark:longbench', { paperId: 'paper:snapkv' }),
      rel('APPLIED_TO', 'method:snapkv', 'model:llama-2-7b', { paperId: 'paper:snapkv' }),
      rel('IN_CONCEPT', 'method:snapkv', 'concept:kv-cache-compression'),
      rel('IN_CONCEPT', 'method:pyramidkv', 'concept:kv-cache-compression'),
      rel('IN_CONCEPT', 'method:h2o', 'concept:kv-cache-compression'),
      rel('IN_CONCEPT', 'method:flashattention', 'concept:efficient-attention'),
      rel('IN_CONCEPT', 'method:flashattention-2', 'concept:efficient-attention'),
      rel('IN_CONCEPT', 'paper:flash', 'concept:efficient-attention'),
      rel('PUBLISHED_BY', 'paper:flash', 'org:stanford'),
    ],
  };
}

export const COUNTS_A = {
  nodes: { Paper: 4, Method: 6, Model: 1, Benchmark: 2, Metric: 2, Concept: 2, Organization: 1 },
  relationships: {
    PROPOSES: 4,
    MENTIONS: 6,
    BUILDS_ON: 3,
    COMPARED_WITH: 2,
    EVALUATED_ON: 4,
    APPLIED_TO: 1,
    IN_CONCEPT: 6,
    PUBLISHED_BY: 1,
  },
};

/** A second corpus: one new paper, and FlashAttention again under another alias. */
export function corpusB(): GraphBatch {
  return {
    ...emptyBatch(),
    papers: [paper('flash3', 'FlashAttention-3: Fast and Accurate Attention with Asynchrony', '2024-07-11', { upvotes: 3 })],
    entities: [{ id: 'method:flashattention', label: 'Method', name: 'FlashAttention', aliases: ['FlashAttn', 'FA'] }],
    relationships: [
      rel('MENTIONS', 'paper:flash3', 'method:flashattention', { paperId: 'paper:flash3' }),
      rel('MENTIONS', 'paper:flash3', 'method:flashattention-2', { paperId: 'paper:flash3' }),
    ],
  };
}

/** Valid nodes plus one relationship the model forbids (BUILDS_ON from a Method to a Model). */
export function invalidBatch(): GraphBatch {
  return {
    ...emptyBatch(),
    papers: [paper('broken', 'A Paper That Must Not Be Written', '2024-01-01')],
    entities: [{ id: 'method:ghost', label: 'Method', name: 'Ghost', aliases: [] }],
    relationships: [
      rel('PROPOSES', 'paper:broken', 'method:ghost'),
      rel('BUILDS_ON', 'method:ghost', 'model:llama-2-7b'),
    ],
  };
}

/** A relationship to a node that exists nowhere. */
export function danglingBatch(): GraphBatch {
  return {
    ...emptyBatch(),
    papers: [paper('dangling', 'Another Paper That Must Not Be Written', '2024-01-02')],
    relationships: [rel('MENTIONS', 'paper:dangling', 'method:does-not-exist')],
  };
}
