import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStrongName, norm, splitSentences, toSentence, tokenize } from '../../loaders/extract/text.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const segments = (text: string) => [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);

describe('splitSentences', () => {
  it('splits as Intl.Segmenter does where it has no abbreviation to undo', () => {
    for (const text of [
      'We use e.g. the GPT-4.In this work we go. Scores rise 3.5 points. Why? Because.',
      'It reads "??". Then it stops.We go on, i.e. slowly! Done',
      'Cost is O(n). 2) we propose X. U.S. data.',
      'First line\nSecond line. Third.',
      '',
      '   ',
    ]) {
      expect(splitSentences(text)).toEqual(segments(text));
    }
  });

  it('rejoins the breaks after e.g., i.e., et al., vs., cf. and w.r.t.', () => {
    expect(splitSentences('Alternatives to attention (e.g. H3, Mamba) struggle. Next.')).toEqual(['Alternatives to attention (e.g. H3, Mamba) struggle.', 'Next.']);
    expect(splitSentences('Three models (i.e. OPT-66B, LLaMA-7B) are used.')).toEqual(['Three models (i.e. OPT-66B, LLaMA-7B) are used.']);
    expect(splitSentences('As Smith et al. Showed, it works. We agree.')).toEqual(['As Smith et al. Showed, it works.', 'We agree.']);
    expect(splitSentences('X vs. Y wins. Cf. Z for more.')).toEqual(['X vs. Y wins.', 'Cf. Z for more.']);
    expect(splitSentences('It scales quadratically w.r.t. L; we fix it.')).toEqual(['It scales quadratically w.r.t. L; we fix it.']);
  });

  it('leaves "Fig. 2" as the segmenter splits it (test/loaders/extract.test.ts pins that)', () => {
    expect(splitSentences('Scores rise (see Fig. 2). Why? Because.')).toEqual(segments('Scores rise (see Fig. 2). Why? Because.'));
  });

  it('keeps real sentence ends: "etc." and "al." without "et", paragraph breaks', () => {
    expect(splitSentences('Pooling, dropout, etc. Our findings hold.')).toEqual(['Pooling, dropout, etc.', 'Our findings hold.']);
    expect(splitSentences('We use the canal. The model works.')).toEqual(['We use the canal.', 'The model works.']);
    expect(splitSentences('Models (e.g.\nMamba) differ.')).toEqual(segments('Models (e.g.\nMamba) differ.'));
  });

  it('returns trimmed slices of the text, in order, covering every non-space character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('We', 'e.g.', 'i.e.', 'et', 'al.', 'vs.', 'Fig.', '2', 'X.', 'go.', 'Why?', '\n', '(', ')', 'the', 'U.S.'), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        const out = splitSentences(text);
        expect(out.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const s of out) expect(s).toBe(s.trim());
      }),
    );
  });
});

// The tokeniser's definition: the regex it has always matched, and the key of each token.
const TOKEN_RE = /[A-Za-z0-9\u00C0-\u024F∞](?:[A-Za-z0-9\u00C0-\u024F^@]|[-.'’_](?=[A-Za-z0-9\u00C0-\u024F^]))*\+*|[(),;:"“”]/g;
const refNorm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');
function refTokens(s: string) {
  return Array.from(s.matchAll(TOKEN_RE), (m) => {
    const punct = m[0].length === 1 && '(),;:"“”'.includes(m[0]);
    return { text: m[0], start: m.index!, end: m.index! + m[0].length, norm: punct ? '' : refNorm(m[0]), punct, upper: /[A-Z]/.test(m[0]) };
  });
}

describe('tokenize', () => {
  it('keeps inner hyphens, dots, carets and trailing pluses; brackets and clause punctuation stand alone', () => {
    const tokens = tokenize('Llama-3.1-8B beats S^3-Attention (and CHM-Corr++), e.g. on “MS MARCO”.');
    expect(tokens.map((t) => t.text)).toEqual(['Llama-3.1-8B', 'beats', 'S^3-Attention', '(', 'and', 'CHM-Corr++', ')', ',', 'e.g', 'on', '“', 'MS', 'MARCO', '”']);
    expect(tokens[0]).toMatchObject({ norm: 'llama318b', upper: true, punct: false, start: 0, end: 12 });
    expect(tokens[3]).toMatchObject({ norm: '', punct: true, upper: false });
  });

  it('blanks URLs but keeps offsets', () => {
    const s = 'Code at https://github.com/Foo/BarNet now.';
    expect(tokenize(s).map((t) => t.text)).toEqual(['Code', 'at', 'now']);
    expect(tokenize(s)[2].start).toBe(s.indexOf('now'));
  });

  it('matches the token regex and key on any text', () => {
    const chars = fc.constantFrom(...'aZq9 -.\'’_^@+(),;:"“”∞éÀɏ×İßKx1'.split(''), 'BERT', 'x-1', 'A.');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(tokenize(s)).toEqual(refTokens(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toSentence', () => {
  it('flags what its characters hold, as string tests on the text would, on any text', () => {
    const chars = fc.constantFrom(...'aZ9 \t\u00a0-–—(/.wİ\u212a'.split(''), 'www.', 'x-y', ' - ', 'https://a.b/c ');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const { charScan, mayDefine } = toSentence(s);
        expect(charScan).toBe(/[/\u0130\u212a]|www\./.test(s));
        expect(mayDefine).toBe(/\(|\s[-–—]/.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('norm', () => {
  it('lower-cases and keeps a-z0-9 only', () => {
    expect(norm('GPT-4o')).toBe('gpt4o');
    expect(norm('bm25')).toBe('bm25');
    expect(norm('RoBERTa')).toBe('roberta');
    expect(norm('Ünïcode İx')).toBe(refNorm('Ünïcode İx'));
    for (const unit of ['grapheme', 'grapheme-ascii'] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 20 }), (s) => {
          expect(norm(s)).toBe(refNorm(s));
        }),
      );
    }
  });

  it('isStrongName tells name-like tokens', () => {
    expect(['ZipVL', 'GPT-4', 'T2Ranking', 'S^3-Attention', 'iHVP'].map(isStrongName)).toEqual([true, true, true, true, true]);
    expect(['Top-1', '4-bit', 'Multi-Head', 'Attention'].map(isStrongName)).toEqual([false, false, false, false]);
  });
});
