// Where sentences end: the offsets after which Intl.Segmenter (ICU, UAX #29) breaks a text. ICU is the reference and
// reads any text; for ASCII text, nearly every abstract, its rules are applied here directly. That is ten times faster
// than a segmenter call (about 2 µs each plus 5–8 ns a character, a tenth of all extraction), and a property test
// checks that both give the same breaks.

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The end offset of every sentence of `text`, ascending; the last one is text.length (none for empty text). */
export function sentenceEnds(text: string): number[] {
  return asciiSentenceEnds(text) ?? icuSentenceEnds(text);
}

export function icuSentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const segments = SEGMENTER.segment(text);
  // containing() walks the breaks faster than the segment iterator.
  for (let at = 0; at < text.length; ) {
    const seg = segments.containing(at)!;
    at = seg.index + seg.segment.length;
    ends.push(at);
  }
  return ends;
}

// UAX #29's sentence break classes of the ASCII characters (SentenceBreakProperty.txt); 0 is Other.
const SP = 1; // tab, vertical tab, form feed, space
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5; // .
const STERM = 6; // ! ?
const CLOSE = 7; // " ' ( ) [ ] { }
const SCONTINUE = 8; // , - : ;
const PARASEP = 9; // CR, LF
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) CLASS[c] = LOWER;
  else if (c >= 65 && c <= 90) CLASS[c] = UPPER;
  else if (c >= 48 && c <= 57) CLASS[c] = NUMERIC;
}
for (const c of [9, 11, 12, 32]) CLASS[c] = SP;
for (const c of '"\'()[]{}') CLASS[c.charCodeAt(0)] = CLOSE;
for (const c of ',-:;') CLASS[c.charCodeAt(0)] = SCONTINUE;
CLASS[46] = ATERM;
CLASS[33] = CLASS[63] = STERM;
CLASS[10] = CLASS[13] = PARASEP;

const BEYOND_ASCII = /[^\0-\x7f]/;
// Where a break may follow: a terminator, or a paragraph separator.
const BREAK_AT = /[.!?\r\n]/g;
const classAt = (text: string, at: number) => CLASS[text.charCodeAt(at)];

/** sentenceEnds by the UAX #29 rules (SB3–SB11; ASCII has no Extend, Format or OLetter characters), or null when `text` is not all ASCII. */
export function asciiSentenceEnds(text: string): number[] | null {
  if (BEYOND_ASCII.test(text)) return null;
  const ends: number[] = [];
  const n = text.length;
  BREAK_AT.lastIndex = 0;
  while (BREAK_AT.test(text)) {
    const i = BREAK_AT.lastIndex - 1;
    const k = classAt(text, i);
    let j = i + 1;
    if (k === PARASEP) {
      // SB3 keeps CR LF together; SB4 breaks after it.
      j = paraSepEnd(text, i);
      if (j < n) ends.push(j);
      BREAK_AT.lastIndex = j;
      continue;
    }
    // The run SATerm Close* Sp* ParaSep?, inside which SB9 and SB10 never break (SB11 breaks after it).
    while (j < n && classAt(text, j) === CLOSE) j++;
    while (j < n && classAt(text, j) === SP) j++;
    if (j === n) break;
    const next = classAt(text, j);
    if (next === PARASEP) {
      j = paraSepEnd(text, j);
      if (j < n) ends.push(j);
    } else if (!(next === SCONTINUE || next === ATERM || next === STERM || (k === ATERM && atermJoins(text, i, j, next)))) {
      // Unless SB8a ("?!", "e.g.,") or, after a full stop, SB6–SB8 go on.
      ends.push(j);
    }
    BREAK_AT.lastIndex = j;
  }
  if (n > 0) ends.push(n);
  return ends;
}

/** The end of the paragraph separator at `at`: CR LF is one. */
function paraSepEnd(text: string, at: number): number {
  return text.charCodeAt(at) === 13 && at + 1 < text.length && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/** Does the sentence go on after the full stop at `dot`, whose run ends at `after` before a character of class `next`? */
function atermJoins(text: string, dot: number, after: number, next: number): boolean {
  // SB6: "3.5"; SB7: "U.S.A".
  if (after === dot + 1 && (next === NUMERIC || (next === UPPER && dot > 0 && (classAt(text, dot - 1) === LOWER || classAt(text, dot - 1) === UPPER)))) return true;
  // SB8: no break when the next letter, past anything but letters, separators and terminators, is lower case ("e.g. (the").
  for (let m = after; m < text.length; m++) {
    const k = classAt(text, m);
    if (k === LOWER) return true;
    if (k === UPPER || k === PARASEP || k === ATERM || k === STERM) return false;
  }
  return false;
}
