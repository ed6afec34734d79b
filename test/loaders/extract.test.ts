import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPaper, taxonomy, toGoldRecord } from '../../loaders/extract/index.ts';
import { findAcronymDefs } from '../../loaders/extract/acronyms.ts';
import { titleName } from '../../loaders/extract/proposals.ts';
import { splitSentences, toSentence } from '../../loaders/extract/text.ts';
import { dedupePapers } from '../../loaders/normalize/index.ts';
import { paperKey } from '../../src/model/graph.ts';
import { readSourceBatches } from '../../loaders/sources/index.ts';

const ex = (abstract: string, title: string | null = null) => extractPaper({ title, abstract });
const names = (abstract: string, title: string | null = null) => ex(abstract, title).entities.map((e) => e.name);
const entity = (abstract: string, name: string, title: string | null = null) =>
  ex(abstract, title).entities.find((e) => e.name === name || e.aliases.includes(name));

describe('acronym definitions', () => {
  it('reads long form before and after the acronym', () => {
    const a = 'We describe Token Budget Routing (TBR) for decoders.';
    expect(findAcronymDefs(toSentence(a)).map((d) => [d.long, d.short])).toEqual([['Token Budget Routing', 'TBR']]);
    const b = 'We describe TBR (Token Budget Routing) for decoders.';
    expect(findAcronymDefs(toSentence(b)).map((d) => [d.long, d.short])).toEqual([['Token Budget Routing', 'TBR']]);
  });

  it('names the entity by its long form with the acronym as alias', () => {
    const e = entity('In this paper we propose Cascaded Window Pooling (CWP), a new way to pool keys. CWP is fast.', 'Cascaded Window Pooling');
    expect(e).toMatchObject({ aliases: ['CWP'], type: 'method', proposed: true });
  });

  it('skips generic and plural acronyms', () => {
    expect(names('Large language models (LLMs) and convolutional neural networks (CNNs) use the key-value (KV) cache.')).toEqual([]);
  });
});

describe('proposed entities', () => {
  it('takes the name before a title colon when it reads as a name', () => {
    expect(titleName('QuillRank: Listwise Reranking with Tiny Models')).toBe('QuillRank');
    expect(titleName('Harmonic Attention: Stable Training at Scale')).toBe('Harmonic Attention');
    expect(titleName('Rethinking Caches: What Matters for Decoding')).toBeNull();
    expect(titleName('Attention Meets Noise: A Study')).toBeNull();
  });

  it('finds names after propose/introduce/termed cues', () => {
    expect(entity('Here we introduce Velvet Attention, which sparsifies heads.', 'Velvet Attention')?.proposed).toBe(true);
    expect(entity('We design a compact tracker, termed as OrbitNet, for drones.', 'OrbitNet')?.proposed).toBe(true);
    expect(entity('ZetaKV, a novel cache eviction policy, keeps recent tokens.', 'ZetaKV')?.proposed).toBe(true);
  });

  it('does not mark listed methods as new when the paper only uses them', () => {
    const e = entity('We propose a customized FlashAttention kernel for sparse masks.', 'FlashAttention');
    expect(e?.proposed).toBe(false);
  });
});

describe('mentions', () => {
  it('recognises model-name shapes with family and size', () => {
    const x = ex('We fine-tune Llama-3.1-8B, Qwen2.5-7B-Instruct and LLaMA 7B, and compare with GPT-4.');
    const byName = Object.fromEntries(x.entities.map((e) => [e.name, e]));
    expect(byName['Llama-3.1-8B']).toMatchObject({ type: 'model', family: 'LLaMA', parameters: '8B' });
    expect(byName['Qwen2.5-7B-Instruct']).toMatchObject({ type: 'model', family: 'Qwen', parameters: '7B' });
    expect(byName['LLaMA 7B']).toMatchObject({ type: 'model', parameters: '7B' });
    expect(byName['GPT-4']).toMatchObject({ type: 'model', family: 'GPT' });
  });

  it('types lexicon benchmarks, metrics and methods', () => {
    const x = ex('Our retriever beats BM25 on MS MARCO and BEIR in nDCG@10 and MRR.');
    const types = Object.fromEntries(x.entities.map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ BM25: 'method', 'MS MARCO': 'dataset', BEIR: 'dataset', 'nDCG@10': 'metric', MRR: 'metric' });
  });

  it('types an unlisted name by its dataset head or list neighbours', () => {
    const x = ex('We evaluate on the Quokka benchmark and on HumanEval, PolyCode and MBPP.');
    const types = Object.fromEntries(x.entities.map((e) => [e.name, e.type]));
    expect(types.Quokka).toBe('dataset');
    expect(types.PolyCode).toBe('dataset');
  });

  it('ignores generic lower-case phrases, plain architectures and URLs', () => {
    const n = names('We study sparse attention, linear attention and the attention mechanism in a Transformer, an LSTM and a CNN. Code: https://github.com/SomeLab/RepoName');
    expect(n).toEqual([]);
  });

  it('does not take adjective compounds for names', () => {
    expect(names('An LLM-based judge and a BERT-style encoder are non-BERT baselines.')).toEqual([]);
  });
});

describe('relations', () => {
  it('links the proposed method to what it builds on and is compared with', () => {
    const x = ex('We propose GlideAttention, which builds on FlashAttention. GlideAttention outperforms Longformer and BigBird on RULER.');
    expect(x.buildsOn.map((r) => [r.from, r.to])).toEqual([['GlideAttention', 'FlashAttention']]);
    expect(x.comparedWith.map((r) => [r.from, r.to, r.outcome])).toEqual([
      ['GlideAttention', 'Longformer', 'outperforms'],
      ['GlideAttention', 'BigBird', 'outperforms'],
    ]);
    expect(x.evaluatedOn.map((r) => r.to)).toEqual(['RULER']);
    expect(x.buildsOn[0].evidence).toBe('We propose GlideAttention, which builds on FlashAttention.');
  });

  it('derives lineage from compound names', () => {
    const x = ex('We release Kite-Llama-2 7B, obtained from Llama-2 7B with our Kite attention.');
    expect(x.buildsOn.some((r) => r.to === 'Llama-2 7B')).toBe(true);
  });

  it('assigns concepts from the taxonomy', () => {
    const x = ex('We propose SinkGuard, a KV cache eviction policy that preserves attention sinks for long-context decoding.');
    expect(x.concepts).toEqual(expect.arrayContaining(['kv-cache-compression', 'attention-sinks', 'long-context-extension']));
    expect(x.entities.find((e) => e.name === 'SinkGuard')?.concepts).toEqual(expect.arrayContaining(['kv-cache-compression']));
  });
});

describe('gold record', () => {
  it('has the ANNOTATION.md shape and the paper key', () => {
    const r = toGoldRecord(ex('We propose RapidRank, a reranker.', 'RapidRank: Fast Reranking'));
    expect(Object.keys(r)).toEqual(['key', 'title', 'entities', 'buildsOn', 'comparedWith']);
    expect(r.key).toBe('rapidrankfastreranking');
    expect(r.entities[0]).toEqual({ name: 'RapidRank', aliases: [], type: 'method', proposed: true });
  });

  it('keys every paper by paperKey, whatever its title holds', () => {
    // Titles of words, separators, URLs (blanked for the tokens) and letters whose lower case is special (İ, Σ, the
    // Kelvin sign).
    const parts = fc.constantFrom(' ', '-', ':', '.', '+', '(', ')', '"', '/', '*', 'é', 'İ', 'Σ', 'K', '\u212a', '∞', 'Rapid', 'rank', 'GPT-4', 'x', '7B', 'https://x.org/a', 'www.b.io');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 12 }), fc.boolean(), (list, titled) => {
        const title = titled ? list.join('') : null;
        const abstract = `${list.reverse().join('')} We study ranking.`;
        expect(extractPaper({ title, abstract }).key).toBe(paperKey(title, abstract));
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    const a = 'We introduce Mosaic Heads (MH), compared with GQA on LongBench using Mistral-7B.';
    expect(ex(a)).toEqual(ex(a));
  });
});

describe('acronym forms', () => {
  const defs = (s: string) => findAcronymDefs(toSentence(s)).map((d) => [d.long, d.short]);

  it('reads digits and powers as repeated letters', () => {
    expect(defs('We add a Decayed Decoder Gate (D2G) to each block.')).toEqual([['Decayed Decoder Gate', 'D2G']]);
    expect(defs('We train with a Robust Ranking Regulariser (R^3) loss.')).toEqual([['Robust Ranking Regulariser', 'R^3']]);
  });

  it('reads quoted long forms and dash definitions', () => {
    expect(defs('The "Needle in a Bale" (NiaB) test asks for one fact.')).toEqual([['Needle in a Bale', 'NiaB']]);
    expect(defs('We present TOAST - Token Order Aware Sparse Transformer, a new layer.')).toEqual([['Token Order Aware Sparse Transformer', 'TOAST']]);
  });

  it('does not take a listed acronym for a different long form', () => {
    const e = entity('We propose the Gated Axial Transformer (GAT), a compact vision backbone.', 'Gated Axial Transformer');
    expect(e).toMatchObject({ aliases: ['GAT'], proposed: true });
  });
});

describe('proposal cues', () => {
  it('marks a listed name that is the very object of the cue', () => {
    expect(entity('In this work we propose Lightning Attention, a tiled linear attention kernel.', 'Lightning Attention')?.proposed).toBe(true);
    expect(entity('We propose a customized Lightning Attention kernel for masks.', 'Lightning Attention')?.proposed).toBe(false);
  });

  it('marks every item of a counted list after a colon', () => {
    const x = ex('We introduce two new measures: the Drift Index (DI), computed per head, and the Anchor Ratio, based on weights.');
    expect(x.entities.filter((e) => e.proposed).map((e) => e.name)).toEqual(['Drift Index', 'Anchor Ratio']);
  });

  it('marks components the new system introduces and enumerated components', () => {
    const x = ex('We propose KestrelNet, a pruning framework. KestrelNet introduces Gated Head Fusion, a shared expander. It has two parts: 1) Coarse Token Binning: it groups tokens; 2) Fine Slot Routing: it routes them.');
    const proposed = x.entities.filter((e) => e.proposed).map((e) => e.name);
    expect(proposed).toEqual(expect.arrayContaining(['KestrelNet', 'Gated Head Fusion', 'Coarse Token Binning', 'Fine Slot Routing']));
  });

  it('marks variants built on a new name', () => {
    const x = ex('We propose Kite, a head router. Kite-Llama-2 7B and Kite-large beat Llama-2 7B.', 'Kite: Routing Heads');
    const byName = Object.fromEntries(x.entities.map((e) => [e.name, e.proposed]));
    expect(byName).toMatchObject({ Kite: true, 'Kite-Llama-2 7B': true, 'Llama-2 7B': false });
  });

  it('reads the title: versioned names, names after a colon without space, leading technique names', () => {
    expect(entity('We introduce Quasar, a sparse prefill method.', 'Quasar', 'Quasar 2.0: Faster Prefill')?.proposed).toBe(true);
    expect(entity('Our Lattice Attention splits heads.', 'Lattice Attention', 'Lattice Attention:Splitting Heads')?.proposed).toBe(true);
    expect(titleName('Tidal Attention for Streaming Speech')).toBe('Tidal Attention');
    expect(titleName('Sentence Embeddings for Zero-Shot Transfer')).toBeNull();
    expect(titleName('Massively Parallel Attention for Everyone')).toBeNull();
  });

  it('does not take "referred to as" without the authors as subject for a proposal', () => {
    expect(entity('This effect is referred to as the "token drift" (TD) hypothesis.', 'token drift')?.proposed ?? false).toBe(false);
  });
});

describe('types and filters', () => {
  const types = (abstract: string) => Object.fromEntries(ex(abstract).entities.map((e) => [e.name, e.type]));

  it('types pretrained embeddings as models and @k shapes as metrics', () => {
    expect(types('We compare word2vec, GloVe, fastText and ELECTRAbase features; we report R@5 and NDCG@20.')).toMatchObject({
      word2vec: 'model',
      GloVe: 'model',
      fastText: 'model',
      ELECTRAbase: 'model',
      'R@5': 'metric',
      'NDCG@20': 'metric',
    });
  });

  it('keeps a year or version with a dataset name, the bare name as alias', () => {
    const e = entity('We evaluate on MultiDoc2Dial 2022 and on the ZetaQA 1.1 benchmark.', 'MultiDoc2Dial');
    expect(e).toMatchObject({ name: 'MultiDoc2Dial 2022', type: 'dataset' });
  });

  it('types names by the list or head that follows them', () => {
    expect(types('Results on the Banking77 and Clinc150 testsets and on the RX4 task improve.')).toMatchObject({ Banking77: 'dataset', Clinc150: 'dataset', RX4: 'dataset' });
  });

  it('drops tasks, hardware, LaTeX residue and participle compounds', () => {
    expect(names('Sentiment Polarity Classification (SPC) is hard; SPC models run on an RTX3090 with HSR-Enhanced and KL-Guided V^topsoftmax tricks.')).toEqual([]);
  });
});

describe('text', () => {
  it('splits sentences as Intl.Segmenter does', () => {
    const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
    for (const text of [
      'We use e.g. the GPT-4.In this work we go. Scores rise 3.5 points (see Fig. 2). Why? Because.',
      'It reads "??". Then it stops.We go on, i.e. slowly! Done',
      'Cost is O(n). 2) we propose X. U.S. data.',
    ]) {
      const ref = [...seg.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
      expect(splitSentences(text)).toEqual(ref);
    }
  });

  it('matches concept triggers leftmost-longest on whole words', () => {
    expect(taxonomy().match('A sliding window attention layer with a KV cache.')).toEqual(expect.arrayContaining(['sparse-attention', 'kv-cache-compression']));
    expect(taxonomy().match('ragged tensors')).not.toContain('retrieval-augmented-generation');
  });

  it('marks a tokenized sentence as the character scan marks its text, on any text', () => {
    const tax = taxonomy();
    const width = tax.concepts.length;
    const flags = (mark: (hit: Uint8Array) => boolean) => {
      const hit = new Uint8Array(width);
      return { any: mark(hit), hit: [...hit] };
    };
    // Trigger words and pieces of them, with the characters that split or join words differently for tokens and the
    // scan, and the Kelvin sign, whose lower case is an ASCII k.
    const parts = fc.constantFrom(...' -.\'’_^@+(),;:/"∞éİKxX1\u212a'.split(''), 'self', 'attention', 'Attention', 'sparse', 'kv', 'cache', 'KV-cache', 'multi-head', 'retrieval', 'dense', 'www.', 'https://x.org/', 'linear', 'rope', 'ALiBi');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 30 }), (list) => {
        const text = list.join('');
        expect(flags((hit) => tax.markSentence(toSentence(text), hit, 0))).toEqual(flags((hit) => tax.mark(text, hit)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a paper the concepts its whole title and abstract trigger, and a new method those of its evidence', async () => {
    const { papers } = await dedupePapers(readSourceBatches(['data'], { asOf: '2026-11-22' }));
    const order = (ids: string[]) => [...ids].sort((a, b) => taxonomy().positionOf(a) - taxonomy().positionOf(b));
    let withEvidence = 0;
    for (const p of papers) {
      const x = extractPaper(p);
      const triggered = new Set([...taxonomy().match(p.title ?? ''), ...taxonomy().match(p.abstract)]);
      const listed = new Set(x.entities.flatMap((e) => e.concepts ?? []));
      expect(x.concepts).toEqual(order(x.concepts));
      for (const id of triggered) expect(x.concepts).toContain(id);
      for (const id of x.concepts) expect(triggered.has(id) || listed.has(id)).toBe(true);
      for (const e of x.entities) {
        if (e.type !== 'method' || !e.proposed || !e.evidence) continue;
        for (const id of taxonomy().match(e.evidence)) expect(e.concepts).toContain(id);
        withEvidence++;
      }
    }
    expect(withEvidence).toBeGreaterThan(100);
  });
});

describe('entity quality rules', () => {
  it('merges an unlisted acronym with the new long form it spells', () => {
    const x = ex('We develop QRA, a Quorum Routing Attention method for caches. QRA is fast.');
    const e = x.entities.find((y) => y.name === 'Quorum Routing Attention' || y.aliases.includes('Quorum Routing Attention'));
    expect(e?.proposed).toBe(true);
    expect([e!.name, ...e!.aliases]).toContain('QRA');
    expect(x.entities.filter((y) => y.proposed)).toHaveLength(1);
  });

  it('does not merge a model name with its sized variant', () => {
    const x = ex('We evaluate Falcon and Falcon 40B on reading tasks.');
    expect(x.entities.length).not.toBe(1);
  });

  it('drops names glued to the next word and subordinators that open a phrase', () => {
    const n = names('We build ZetaKernel for speed. The ZetaKernelcan run on GPUs. While Prism Attention is slow, it is exact.');
    expect(n).not.toContain('ZetaKernelcan');
    expect(n.some((x) => x.startsWith('While '))).toBe(false);
  });

  it('splits two names sharing a head', () => {
    const n = names('When comparing Cobalt Attention and Dot-Product Attention, results differ.');
    expect(n).toEqual(expect.arrayContaining(['Cobalt Attention', 'Dot-Product Attention']));
  });

  it('types unlisted names listed after a dataset noun as datasets', () => {
    const x = ex('We report results on benchmarks such as Harbor12, Harbor13 and Harbor14.');
    expect(x.entities.filter((e) => e.name.startsWith('Harbor')).map((e) => e.type)).toEqual(['dataset', 'dataset', 'dataset']);
    expect(ex('We use methods such as Harbor12 and Harbor13.').entities.every((e) => e.type !== 'dataset')).toBe(true);
  });

  it('drops team names and acronyms of predicted quantities', () => {
    expect(names('This paper describes what the Oxbridge TeamQ group submitted.')).not.toContain('TeamQ');
    expect(names('Click-Through Rate (CTR) prediction is central to ads.')).toEqual([]);
  });

  it('proposes a description-first name: "a novel ... model, X"', () => {
    expect(entity('Our system uses a novel text matching model, Layered Gate Network (LGN), to rank.', 'Layered Gate Network')?.proposed).toBe(true);
    expect(entity('Compared with a new baseline model, Layered Gate Network (LGN), ours wins.', 'Layered Gate Network')?.proposed).toBe(false);
  });

  it('proposes a coined technique named in the title after with/via', () => {
    expect(entity('We study distillation of hybrids.', 'Mid-Span Layer Selection', 'Distilling Hybrids via Mid-Span Layer Selection')?.proposed).toBe(true);
    expect(entity('We study distillation of hybrids.', 'Sparse Attention', 'Distilling Hybrids with Sparse Attention')?.proposed ?? false).toBe(false);
  });

  it('proposes listed components of a new entity and its lower-case coined name', () => {
    const a = 'We propose OrbAttention, a sparse attention. OrbAttention comprises two key components: (1) Ring-based Anchor Scoring, computing anchors; (2) Stripe Gap Filling, filling gaps.';
    expect(entity(a, 'Ring-based Anchor Scoring')?.proposed).toBe(true);
    expect(entity('To this end, we introduce a novel model abc-en-xyz, which embeds text.', 'abc-en-xyz')?.proposed).toBe(true);
    expect(names('To make it fast, we develop IO-aware kernels for GPUs.')).not.toContain('IO-aware');
  });
});

describe('proposal rules: naming, lists and exclusions', () => {
  const isNew = (abstract: string, name: string, title: string | null = null) => entity(abstract, name, title)?.proposed ?? false;

  it('reads "named" as a cue only in lower case and not inside a compound', () => {
    expect(isNew('We build a compact tracker named OrbitNet for drones.', 'OrbitNet')).toBe(true);
    expect(isNew('We test on Named Entity Recognition sets and the Chinese named-entity recognition task Quokka, as well as others.', 'Quokka')).toBe(false);
  });

  it('proposes a lower-case name the authors give ("which we dub X") when the title repeats it', () => {
    const a = 'We find that a few attention heads copy tokens, which we dub echo heads.';
    expect(isNew(a, 'echo heads', 'Echo Heads Explain Copying in Transformers')).toBe(true);
    expect(isNew(a, 'echo heads', 'Why Transformers Copy Tokens')).toBe(false);
    expect(isNew('On this task, termed echo recall, we find that our models fail.', 'echo recall', 'Echo Recall in Transformers')).toBe(false);
  });

  it('proposes the title name written hyphenated in lower case', () => {
    const title = 'Stay in the Lane: Calibrating Attention Drift';
    expect(isNew('We mitigate drift through a calibration mechanism, stay-in-the-lane, that rescales scores.', 'stay-in-the-lane', title)).toBe(true);
    expect(isNew('Models suffer from the stay-in-the-lane problem, which we study.', 'stay-in-the-lane', title)).toBe(false);
  });

  it('takes a task-like name right after the kind of thing it is', () => {
    expect(isNew('We propose a novel augmentation method Mirror Translation to reuse data.', 'Mirror Translation')).toBe(true);
    expect(isNew('We propose a fast Mirror Translation to reuse data.', 'Mirror Translation')).toBe(false);
  });

  it('proposes the items of a counted list the authors or their new entity introduce', () => {
    const a = 'We propose ZetaNet, a new retriever. ZetaNet builds vectors using three paradigms: Static (SGR), Learned (LGR), and Mixed (MGR), and fuses them with dense embeddings.';
    expect(isNew(a, 'SGR')).toBe(true);
    expect(isNew(a, 'MGR')).toBe(true);
    const b = 'We extend pooling with two novel approaches that vary the groups: Key-Split Pooling (KSP) and Dynamic Key-Split Pooling (DKSP), which use norms.';
    expect(isNew(b, 'KSP')).toBe(true);
    expect(isNew(b, 'DKSP')).toBe(true);
    expect(isNew('We propose ZetaNet, a new retriever. ZetaNet is tested on three benchmarks: AlphaQA, BetaQA, and GammaQA.', 'AlphaQA')).toBe(false);
  });

  it('starts an acronym long form at the capitalised word before a hyphenated match', () => {
    const a = 'We add Dynamic Key-Split Pooling (DKSP) to the model.';
    expect(findAcronymDefs(toSentence(a)).map((d) => d.long)).toEqual(['Dynamic Key-Split Pooling']);
    const b = 'We add fast Key-Split Pooling (SP) to the model.';
    expect(findAcronymDefs(toSentence(b)).map((d) => d.long)).toEqual(['Key-Split Pooling']);
  });

  it('does not propose what a comparative analysis lists', () => {
    const a = 'This work presents a comparative analysis of three architectures: Foo Network (FN), Bar Network (BN), and Baz Network (BZN).';
    expect(ex(a).entities.filter((e) => e.proposed)).toEqual([]);
    expect(isNew('This work presents three new scores: Drift Gap (DG), Anchor Spread (AS), and Head Skew (HS).', 'Drift Gap')).toBe(true);
  });

  it('does not propose a name that only qualifies the released thing ("labels of X")', () => {
    expect(isNew('We release 40 label sets of the Quokka Track collection for study.', 'Quokka Track')).toBe(false);
    expect(isNew('We introduce a new family of retrievers, QuokkaNet, for search.', 'QuokkaNet')).toBe(true);
  });

  it('proposes a part a new entity describes first: "X monitors a token-level indicator, Name, ..."', () => {
    const a = 'We propose ZetaKV, a cache policy. Specifically, ZetaKV tracks a token-level indicator, Drift Score, within each window.';
    expect(isNew(a, 'Drift Score')).toBe(true);
    const b = 'We propose ZetaKV, a cache policy. ZetaKV runs faster than a strong retriever, Drift Score, on long inputs.';
    expect(isNew(b, 'Drift Score')).toBe(false);
    const c = 'We propose ZetaKV, a cache policy. ZetaKV is trained on a public dataset, Drift Corpus, with labels.';
    expect(isNew(c, 'Drift Corpus')).toBe(false);
  });

  it('does not propose a listed entity that the abstract only describes', () => {
    expect(isNew('MS MARCO is a benchmark for passage ranking. We add reference runs.', 'MS MARCO', 'Brewing MS MARCO: Reference Runs')).toBe(false);
    expect(isNew('MS MARCO is a new benchmark for passage ranking.', 'MS MARCO', 'MS MARCO: A Ranking Benchmark')).toBe(true);
  });
});
