// Lineage cues (buildsOn / comparedWith) on invented sentences: one block per cue family, then the negatives.
import { describe, expect, it } from 'vitest';
import { extractPaper } from '../../loaders/extract/index.ts';
import { findCues } from '../../loaders/extract/cues.ts';

const ex = (abstract: string, title: string | null = null) => extractPaper({ title, abstract });
const pairs = (rels: Array<{ from: string; to: string }>) => rels.map((r) => [r.from, r.to]);
const builds = (abstract: string, title: string | null = null) => pairs(ex(abstract, title).buildsOn);
const compared = (abstract: string, title: string | null = null) => pairs(ex(abstract, title).comparedWith);

describe('buildsOn cues', () => {
  it('"builds on X" after the proposed name, with the sentence as evidence', () => {
    const x = ex('We propose QuillAttention, which builds on FlashAttention to cut memory traffic.');
    expect(pairs(x.buildsOn)).toEqual([['QuillAttention', 'FlashAttention']]);
    expect(x.buildsOn[0].evidence).toBe('We propose QuillAttention, which builds on FlashAttention to cut memory traffic.');
  });

  it('"extends X", "a variant of X", "inspired by X"', () => {
    expect(builds('We introduce PebbleRank, a ranker that extends ColBERT with learned pruning.')).toEqual([['PebbleRank', 'ColBERT']]);
    expect(builds('We present Driftformer, a variant of Longformer for streaming input.')).toContainEqual(['Driftformer', 'Longformer']);
    expect(builds('Inspired by Locality Sensitive Hashing (LSH), we propose BucketMix, a sparse attention scheme.')).toEqual([
      ['BucketMix', 'Locality Sensitive Hashing'],
    ]);
  });

  it('"based on X" at the head of the sentence: the subject follows ("Based on X, we build Y")', () => {
    expect(builds('We propose TideNet for tracking. Based on Mamba, we build TideNet by stacking selective scan blocks.')).toEqual([['TideNet', 'Mamba']]);
  });

  it('"integrates X into Y" and lists after the cue', () => {
    const b = builds('We propose GlintRetriever, which integrates BM25 and ColBERT into a single index.');
    expect(b).toEqual([
      ['GlintRetriever', 'BM25'],
      ['GlintRetriever', 'ColBERT'],
    ]);
  });

  it('"our method" stands for the proposed method', () => {
    expect(builds('We propose SiltCache, a KV cache policy. Our method leverages Grouped-Query Attention (GQA) to share keys.')).toEqual([
      ['SiltCache', 'Grouped-Query Attention'],
    ]);
  });

  it('compound names extend the entity they contain', () => {
    expect(builds('We release Quill-BERT, a retriever. Quill-BERT keeps the BERT vocabulary.', 'Quill-BERT: Sharper Retrieval')).toEqual([
      ['Quill-BERT', 'BERT'],
    ]);
    // A name glued inside a word is no part: RoBERTa is not built from BERT.
    expect(builds('We release RoBERTa-Lite, a small encoder. RoBERTa-Lite keeps the BERT vocabulary.', 'RoBERTa-Lite: Small Encoders')).toEqual([]);
  });
});

describe('comparedWith cues', () => {
  it('"outperforms X and Y" lists every target up to the clause boundary', () => {
    const x = ex('We propose VelvetAttention for long inputs. VelvetAttention outperforms Longformer and BigBird on RULER, while using less memory than Reformer.');
    expect(x.comparedWith.map((r) => [r.from, r.to, r.outcome])).toEqual([
      ['VelvetAttention', 'Longformer', 'outperforms'],
      ['VelvetAttention', 'BigBird', 'outperforms'],
      ['VelvetAttention', 'Reformer', 'outperforms'],
    ]);
  });

  it('"compared with X", "faster than X", "a speedup over X"', () => {
    expect(compared('We propose HaloKernel. HaloKernel runs 3x faster than FlashAttention-2.')).toEqual([['HaloKernel', 'FlashAttention-2']]);
    expect(compared('We propose HaloKernel. HaloKernel gives a 2.1x speedup over FlashAttention-2 on A100 GPUs.')).toEqual([['HaloKernel', 'FlashAttention-2']]);
    expect(compared('We propose HaloKernel. We report competitive accuracy compared with Performer.')).toEqual([['HaloKernel', 'Performer']]);
  });

  it('"Compared to X, our method ..." and "Unlike X, it ..."', () => {
    expect(compared('We propose EmberNet for tagging. Compared to Conditional Random Fields (CRF), our method decodes in linear time.')).toEqual([
      ['EmberNet', 'Conditional Random Fields'],
    ]);
    expect(compared('We propose EmberNet for tagging. Moreover, it keeps every token, unlike StreamingLLM.')).toEqual([['EmberNet', 'StreamingLLM']]);
  });

  it('examples in brackets after the cue: "matches strong models (e.g. Mamba)"', () => {
    expect(compared('We propose Wisp, a recurrent model. Wisp matches strong recurrent models (e.g. Mamba) in perplexity.')).toEqual([['Wisp', 'Mamba']]);
  });

  it('"as baselines X and Y" compares the paper\'s method', () => {
    expect(compared('We propose RiverBERT for job titles. As baselines FastText and SentenceBert have been used.')).toEqual([
      ['RiverBERT', 'FastText'],
      ['RiverBERT', 'SentenceBert'],
    ]);
  });

  it('a variant named after the proposed model speaks for it', () => {
    expect(compared('We propose ConvLite, a small encoder. ConvLite-7B scores 0.7 points higher than Llama-2 7B on GLUE.')).toContainEqual([
      'ConvLite-7B',
      'Llama-2 7B',
    ]);
  });
});

describe('negatives', () => {
  it('a name near a cue word is not enough: prior work, quantities, evaluation set-ups', () => {
    // Someone else's method is the subject.
    expect(compared('Longformer outperforms BigBird on long documents. We propose TwineAttention for short ones.')).toEqual([]);
    // "more than" is a quantity, "using" an amount.
    expect(builds('We propose TwineAttention, trained on more than 4 billion tokens, using roughly half the memory of Llama-2 7B.')).toEqual([]);
    // Models as test beds in experiments are not foundations.
    expect(builds('We propose TwineAttention. Our experiments are conducted using Llama-2 7B on XSum.')).toEqual([]);
  });

  it('targets stop at clause boundaries and evaluation prepositions', () => {
    const c = compared('We propose TwineAttention. TwineAttention outperforms Performer on MMLU, which was built on Wikipedia.');
    expect(c).toEqual([['TwineAttention', 'Performer']]);
    expect(builds('We propose TwineAttention. TwineAttention outperforms Performer on MMLU, which was built on Wikipedia.')).toEqual([]);
  });

  it('"over" compares only after a gain; no relation without a proposed entity', () => {
    expect(compared('We propose TwineAttention. TwineAttention runs over Llama-2 7B checkpoints.')).toEqual([]);
    expect(compared('FlashAttention is faster than Performer.')).toEqual([]);
    expect(builds('Recent retrievers build on ColBERT and BM25.')).toEqual([]);
  });

  it('datasets are not compared with methods, and a task is no target', () => {
    expect(compared('We propose TwineAttention. TwineAttention outperforms prior work by 3 points on GSM8K.')).toEqual([]);
    expect(compared('We propose TwineAttention. Our method outperforms state-of-the-art Named Entity Recognition methods.')).toEqual([]);
  });

  it('a brackets aside with numbers is not a list of compared methods', () => {
    expect(compared('We propose TwineAttention. TwineAttention is comparable to full attention (68.4% vs 67.9% on Mistral-7B).')).toEqual([]);
  });
});

describe('findCues', () => {
  it('finds each family once per phrase, in text order', () => {
    const cues = findCues('It builds on X, is based on Y and outperforms Z, a 2x speedup over W.');
    expect(cues.map((c) => [c.family, c.text])).toEqual([
      ['build', 'builds on'],
      ['build', 'based on'],
      ['compare', 'outperforms'],
      ['compare', 'over'],
    ]);
  });

  it('skips "than" after quantities and "over" without a gain', () => {
    expect(findCues('It reads more than 4 billion words over the web.').map((c) => c.text)).toEqual([]);
  });
});
