import { describe, expect, it } from 'vitest';
import { PaperDeduper, dedupePapers, makePaper, normalizeText, normalizeTitle } from '../../loaders/normalize/index.ts';
import type { RawPaper, SourceRecord } from '../../loaders/types.ts';

const paper = (fields: Partial<RawPaper> & { abstract: string }, line = 1): RawPaper =>
  makePaper(fields, { file: 'f.jsonl', line });

describe('text normalisation', () => {
  it('collapses every kind of whitespace and trims', () => {
    expect(normalizeText('  Ring\u00a0 Attention\t\n with\u2003Blockwise \r\nTransformers ')).toBe('Ring Attention with Blockwise Transformers');
  });

  it('removes invisible characters and controls, composes to NFC', () => {
    expect(normalizeText('Ny\u0073tro\u0308mformer\u200b: soft\u00adhyphen\u0007')).toBe('Nyströmformer: softhyphen');
    expect(normalizeText('Ny\u0073tro\u0308m')).toBe('Nyström'.normalize('NFC'));
  });

  it('keeps meaningful symbols that NFKC would rewrite', () => {
    expect(normalizeText('O(n²) cost of ﬁne-tuning')).toBe('O(n²) cost of ﬁne-tuning');
  });

  it('turns an empty title into null', () => {
    expect(normalizeTitle(' \u200b \n')).toBeNull();
    expect(normalizeTitle(undefined)).toBeNull();
  });
});

describe('PaperDeduper', () => {
  it('deduplicates by paper key: punctuation and case do not matter', () => {
    const d = new PaperDeduper();
    expect(d.add(paper({ title: 'HyperAttention: Long-context Attention', abstract: 'A.' }, 1))).toBe(true);
    expect(d.add(paper({ title: 'hyperattention -- long context attention', abstract: 'B.' }, 2))).toBe(false);
    expect(d.add(paper({ title: 'Another paper', abstract: 'C.' }, 3))).toBe(true);
    expect([d.size, d.entries]).toEqual([2, 3]);
    expect(d.get('hyperattentionlongcontextattention')?.provenance.line).toBe(1);
  });

  it('merges metadata: first non-null wins, first provenance kept', () => {
    const d = new PaperDeduper();
    d.add(paper({ title: 'T', abstract: 'Abstract.', upvotes: 3 }, 10));
    d.add(paper({ title: 'T', abstract: 'Abstract.', upvotes: 9, authorCount: 4, publishedAt: '2024-01-02', organization: 'Org' }, 20));
    d.add(paper({ title: 'T', abstract: 'Abstract.', authorCount: 7, arxivId: '2401.00001', url: 'https://arxiv.org/abs/2401.00001' }, 30));
    expect(d.get('t')).toEqual({
      title: 'T',
      abstract: 'Abstract.',
      publishedAt: '2024-01-02',
      authorCount: 4,
      organization: 'Org',
      upvotes: 3,
      arxivId: '2401.00001',
      url: 'https://arxiv.org/abs/2401.00001',
      provenance: { file: 'f.jsonl', line: 10 },
    });
  });

  it('replaces a truncated abstract by the full one, never by a different one', () => {
    const d = new PaperDeduper();
    d.add(paper({ title: 'T', abstract: 'We propose X. It is fast...' }));
    d.add(paper({ title: 'T', abstract: 'We propose X. It is fast and exact.' }));
    d.add(paper({ title: 'T', abstract: 'We propose X. It is fast and exact. Completely different longer text.' + ' x'.repeat(10) }));
    expect(d.get('t')?.abstract).toBe('We propose X. It is fast and exact. Completely different longer text.' + ' x'.repeat(10));
    d.add(paper({ title: 'T', abstract: 'Unrelated abstract that happens to be much longer than the kept one, by far, really.' + ' y'.repeat(40) }));
    expect(d.get('t')?.abstract.startsWith('We propose X.')).toBe(true);
  });

  it('does not alias the caller’s object', () => {
    const d = new PaperDeduper();
    const p = paper({ title: 'T', abstract: 'A.' });
    d.add(p);
    d.add(paper({ title: 'T', abstract: 'A.', upvotes: 5 }));
    expect(p.upvotes).toBeNull();
  });

  it('keys title-less papers by their abstract', async () => {
    const records: SourceRecord[] = [
      { kind: 'paper', paper: paper({ title: null, abstract: 'Same abstract, no title, seen twice in two listings.' }, 1) },
      { kind: 'paper', paper: paper({ title: null, abstract: 'Same  abstract, no title, seen twice in two listings.', upvotes: 2 }, 5) },
      { kind: 'rejected', rejection: { file: 'f.jsonl', line: 9, reason: 'missing field "abstract"' } },
    ];
    const result = await dedupePapers([records]);
    expect(result.entries).toBe(2);
    expect(result.papers).toEqual([expect.objectContaining({ key: 'sameabstractnotitleseentwiceintwolistings', upvotes: 2, provenance: { file: 'f.jsonl', line: 1 } })]);
    expect(result.rejections).toEqual([{ file: 'f.jsonl', line: 9, reason: 'missing field "abstract"' }]);
  });
});
