import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiSentenceEnds, icuSentenceEnds, sentenceEnds } from '../../loaders/extract/sentence-breaks.ts';

// Every ASCII character, plus pieces that put the rules' contexts side by side often enough to meet them.
const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
const PIECES = ['. ', '.', '? ', '! ', '. a', '. A', ' the', 'e.g. ', 'U.S.', '3.5', '.)', '." ', '.\n', '.\r\n', '?!', '...', ', ', '; ', '(', ')', ' ', 'Mamba', 'we'];
const asciiText = fc.array(fc.constantFrom(...ASCII, ...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));

describe('sentenceEnds', () => {
  it('breaks ASCII text exactly where Intl.Segmenter does', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(asciiSentenceEnds(text)).toEqual(icuSentenceEnds(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('follows each rule on a known case', () => {
    const ends = (text: string) => asciiSentenceEnds(text)!.map((at) => text.slice(0, at));
    expect(ends('It works. We go.')).toEqual(['It works. ', 'It works. We go.']);
    expect(ends('Scores rise 3.5 points.')).toEqual(['Scores rise 3.5 points.']); // SB6
    expect(ends('U.S.A data.')).toEqual(['U.S.A data.']); // SB7
    expect(ends('Models (e.g. (the best) ones) win.')).toEqual(['Models (e.g. (the best) ones) win.']); // SB8
    expect(ends('Why?! Because, e.g., it is.')).toEqual(['Why?! ', 'Why?! Because, e.g., it is.']); // SB8a
    expect(ends('It ends.") Next')).toEqual(['It ends.") ', 'It ends.") Next']); // SB9-SB11
    expect(ends('One\r\nTwo')).toEqual(['One\r\n', 'One\r\nTwo']); // SB3, SB4
    expect(ends('')).toEqual([]);
  });

  it('leaves text beyond ASCII to the segmenter', () => {
    expect(asciiSentenceEnds('It costs 5 €. We pay.')).toBeNull();
    const text = 'Ünïcode wins. Ça va. 日本語です。次';
    expect(sentenceEnds(text)).toEqual(icuSentenceEnds(text));
    expect(sentenceEnds(text).length).toBe(4);
  });
});
