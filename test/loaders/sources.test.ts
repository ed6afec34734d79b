import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceBatches, readSources } from '../../loaders/sources/index.ts';
import { dedupePapers } from '../../loaders/normalize/index.ts';
import type { RawPaper, ReadOptions, SourceRecord } from '../../loaders/types.ts';
import { paperKey } from '../../src/model/graph.ts';

const DATA = 'data';
const GOLD = 'test/fixtures/gold';
const FIX = 'test/fixtures/sources';
const AS_OF: ReadOptions = { asOf: '2026-11-22' };

async function collect(paths: string[], opts = AS_OF): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources(paths, opts)) out.push(r);
  return out;
}
const papersOf = (records: SourceRecord[]) => records.flatMap((r) => (r.kind === 'paper' ? [r.paper] : []));
const rejectionsOf = (records: SourceRecord[]) => records.flatMap((r) => (r.kind === 'rejected' ? [r.rejection] : []));

function paperAt(papers: RawPaper[], file: string, line: number): RawPaper {
  const p = papers.find((x) => x.provenance.file.endsWith(file) && x.provenance.line === line);
  if (!p) throw new Error(`no paper at ${file}:${line}`);
  return p;
}

const gold = readdirSync(GOLD)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(join(GOLD, f), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; title: string }),
  );

describe('seed listings (the five Hugging Face pages)', () => {
  it('reads 316 entries, 244 distinct papers whose keys are exactly the gold keys', async () => {
    const records = await collect([DATA]);
    expect(rejectionsOf(records)).toEqual([]);
    const { papers, entries } = await dedupePapers([records]);
    expect(entries).toBe(316);
    expect(papers).toHaveLength(244);
    expect(new Set(papers.map((p) => p.key))).toEqual(new Set(gold.map((g) => g.key)));
  });

  it('keeps full titles and abstracts', async () => {
    const { papers } = await dedupePapers(readSourceBatches([DATA], AS_OF));
    const byKey = new Map(papers.map((p) => [p.key, p]));
    for (const g of gold) expect(byKey.get(g.key)?.title).toBe(g.title);
    for (const p of papers) expect(p.abstract.length).toBeGreaterThan(300);
    const colbert = byKey.get(paperKey('ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT', ''));
    expect(colbert?.abstract).toMatch(/^Recent progress in Natural Language Understanding \(NLU\).*four orders-of-magnitude fewer FLOPs per query\.$/);
  });

  it('never turns page chrome into titles or abstracts', async () => {
    const papers = papersOf(await collect([DATA]));
    const chrome = /^(new|subscribe|daily papers|byak and the research community|get trending papers.*|[A-Z][a-z]{2} \d{1,2}(, \d{4})?( \d+)?|•.*|·)$/i;
    for (const p of papers) {
      expect(p.title ?? '').not.toMatch(chrome);
      expect(p.abstract).not.toMatch(chrome);
      expect(p.title ?? '').not.toMatch(/^Subscribe/);
    }
  });

  it('parses Daily Papers metadata: authors, dates with and without year, upvotes, organisations', async () => {
    const papers = papersOf(await collect([DATA]));
    // 000:13-19 `PosIR…` / `• 6 authors` / `·` / `Jan 13`
    expect(paperAt(papers, '000_cb402f4606c07685.txt', 13)).toMatchObject({
      title: 'PosIR: Position-Aware Heterogeneous Information Retrieval Benchmark',
      authorCount: 6,
      publishedAt: '2026-01-13',
      upvotes: null,
      organization: null,
    });
    // 000:49-55 organisation line `deepmind Deepmind` then `Oct 6, 2025 8`
    expect(paperAt(papers, '000_cb402f4606c07685.txt', 49)).toMatchObject({
      title: 'Scalable In-context Ranking with Generative Models',
      authorCount: null,
      organization: 'Deepmind',
      publishedAt: '2025-10-06',
      upvotes: 8,
    });
    // 000:45 has no metadata block at all
    expect(paperAt(papers, '000_cb402f4606c07685.txt', 45)).toMatchObject({
      title: 'Redefining Retrieval Evaluation in the Era of LLMs',
      authorCount: null,
      publishedAt: null,
      upvotes: null,
    });
    // 000:73-79 `• 2 authors` / `May 25, 2023 1`
    expect(paperAt(papers, '000_cb402f4606c07685.txt', 73)).toMatchObject({ authorCount: 2, publishedAt: '2023-05-25', upvotes: 1 });
    // 003:13-19 `ReactiveAI Reactive AI` / `Oct 2, 2025 2`
    expect(paperAt(papers, '003_3f4c75096db6d2ed.txt', 13)).toMatchObject({ organization: 'Reactive AI', publishedAt: '2025-10-02', upvotes: 2 });
    // 003:293-299 `alibaba-inc alibaba-inc`
    expect(paperAt(papers, '003_3f4c75096db6d2ed.txt', 293).organization).toBe('alibaba-inc');
    // 003:341-347 `• 26 authors` / `Nov 24, 2025 3`
    expect(paperAt(papers, '003_3f4c75096db6d2ed.txt', 341)).toMatchObject({
      title: 'Deep Research: A Systematic Survey',
      authorCount: 26,
      publishedAt: '2025-11-24',
      upvotes: 3,
    });
    // layout (b) carries no metadata
    expect(paperAt(papers, '001_6f3a12d5be22495d.txt', 11)).toMatchObject({ authorCount: null, publishedAt: null });
  });

  it('resolves a year-less date to the latest one not after asOf', async () => {
    const file = join(DATA, '000_cb402f4606c07685.txt');
    // 000:145-151 `Full Attention Strikes Back…` dated `May 15`
    const late = paperAt(papersOf(await collect([file], { asOf: '2026-11-22' })), file, 145);
    const early = paperAt(papersOf(await collect([file], { asOf: '2026-05-14' })), file, 145);
    const same = paperAt(papersOf(await collect([file], { asOf: '2026-05-15' })), file, 145);
    expect([late.publishedAt, early.publishedAt, same.publishedAt]).toEqual(['2026-05-15', '2025-05-15', '2026-05-15']);
  });

  it('reads layout (c): alternating lines, first title glued to `Subscribe`', async () => {
    const file = join(DATA, '004_48cb922b2d0c459a.txt');
    const papers = papersOf(await collect([file]));
    expect(papers).toHaveLength(119);
    expect(papers[0]).toMatchObject({
      title: 'Multi-Label Text Classification using Attention-based Graph Neural Network',
      provenance: { file, line: 3 },
    });
    expect(papers[0].abstract).toMatch(/^In Multi-Label Text Classification \(MLTC\), one sample/);
    expect(papers.at(-1)?.title).toBe('CoRT: Complementary Rankings from Transformers');
  });

  it('merges duplicates across files: first provenance, metadata filled from later copies', async () => {
    const { papers } = await dedupePapers(readSourceBatches([DATA], AS_OF));
    const recycled = papers.find((p) => p.title === 'Recycled Attention: Efficient inference for long-context language models');
    // First seen in 001:11 (no metadata); 003:277-283 adds `• 3 authors` / `Nov 8, 2024`.
    expect(recycled).toMatchObject({
      provenance: { file: join(DATA, '001_6f3a12d5be22495d.txt'), line: 11 },
      authorCount: 3,
      publishedAt: '2024-11-08',
    });
  });
});

describe('other formats', () => {
  it('reads JSON Lines with both field spellings, normalising whitespace', async () => {
    const file = join(FIX, 'good/papers.jsonl');
    const records = await collect([file]);
    expect(rejectionsOf(records)).toEqual([]);
    const papers = papersOf(records);
    expect(papers.map((p) => p.provenance.line)).toEqual([1, 2, 3, 4]);
    expect(papers[0]).toMatchObject({ publishedAt: '2023-07-17', authorCount: 1, arxivId: '2307.08691' });
    expect(papers[1]).toMatchObject({
      title: 'Ring Attention with Blockwise Transformers for Near-Infinite Context',
      publishedAt: '2023-10-03',
      organization: 'UC Berkeley',
      upvotes: 12,
    });
    expect(papers[1].abstract).toContain('AI models. We present Ring Attention');
    expect(papers[3]).toMatchObject({ title: null, upvotes: 0 });
  });

  it('reads an arXiv Atom feed: collapsed whitespace, ids without version, dates, author counts', async () => {
    const file = join(FIX, 'good/arxiv-attention.xml');
    const papers = papersOf(await collect([file]));
    expect(papers.map((p) => [p.arxivId, p.publishedAt, p.authorCount, p.provenance.line])).toEqual([
      ['2205.14135', '2022-05-27', 5, 10],
      ['2309.17453', '2023-09-29', 5, 44],
      ['2004.12832', '2020-04-27', 2, 77],
    ]);
    expect(papers[0].title).toBe('FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness');
    expect(papers[0].abstract).toMatch(/^Transformers are slow and memory-hungry on long sequences, since the time and memory complexity/);
    expect(papers[0].abstract).toContain('SRAM & we analyze');
    expect(papers[0].url).toBe('http://arxiv.org/abs/2205.14135v2');
  });

  it('merges the same paper across formats (Atom copy of a seed paper)', async () => {
    const { papers } = await dedupePapers(readSourceBatches([join(DATA, '001_6f3a12d5be22495d.txt'), join(FIX, 'good/arxiv-attention.xml')], AS_OF));
    const colbert = papers.filter((p) => p.title?.startsWith('ColBERT:'));
    expect(colbert).toHaveLength(1);
    expect(colbert[0]).toMatchObject({ arxivId: '2004.12832', authorCount: 2, provenance: { line: 319 } });
  });

  it('reads folders recursively in sorted order and sniffs formats from content', async () => {
    const papers = papersOf(await collect([join(FIX, 'good')]));
    expect([...new Set(papers.map((p) => p.provenance.file))]).toEqual([
      join(FIX, 'good/arxiv-attention.xml'),
      join(FIX, 'good/listing-untitled.txt'),
      join(FIX, 'good/nested/exported-papers.txt'),
      join(FIX, 'good/papers.jsonl'),
    ]);
    // A JSON Lines file named .txt is read as JSON Lines.
    expect(paperAt(papers, 'nested/exported-papers.txt', 2)).toMatchObject({
      title: 'Linformer: Self-Attention with Linear Complexity',
      publishedAt: '2020-06-08',
      authorCount: 5,
    });
  });

  it('loads a title-less listing entry when its metadata block confirms it', async () => {
    const papers = papersOf(await collect([join(FIX, 'good/listing-untitled.txt')]));
    expect(papers.map((p) => [p.title, p.provenance.line, p.authorCount, p.publishedAt, p.upvotes, p.organization])).toEqual([
      ['Grouped-Query Attention for Fast Decoding', 13, 3, '2026-03-03', null, null],
      // `Feb 29` with no year: the latest Feb 29 not after 2026-11-22
      [null, 21, 2, '2024-02-29', 5, null],
      ['Attention Sinks Revisited', 27, null, '2024-12-24', 17, 'Hugging Face'],
    ]);
    expect(paperKey(papers[1].title, papers[1].abstract)).toBe('thisentrylostitstitlelinethelistingshowsonlythea');
  });
});
