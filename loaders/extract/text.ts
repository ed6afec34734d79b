// Sentence splitting and tokenisation shared by every extraction rule.
import { lowerAlnum } from '../../src/model/graph.ts';
import { sentenceEnds } from './sentence-breaks.ts';

export interface Token {
  text: string;
  /** Character offsets in the sentence. */
  start: number;
  end: number;
  /** Lower-cased, everything outside a-z0-9 removed: the matching key. */
  norm: string;
  punct: boolean;
  /** Has a capital letter somewhere: only such tokens can be name-like (computed once, the rules ask often). */
  upper: boolean;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  isTitle: boolean;
  /** Holds a URL (blanked for the tokens), İ or the Kelvin sign (whose lower case has ASCII letters): word matching reads its characters, not its tokens. */
  charScan: boolean;
  /** Holds a bracket or a dash after a space, without which nothing defines an acronym. */
  mayDefine: boolean;
}

// Sentences are UAX #29's (sentence-breaks.ts). Its breaks after abbreviations that do not end a sentence
// ("(e.g. Mamba)", "Smith et al. Show", "X vs. Y") are undone by joining the pieces again.

/** Abbreviations (lower case, with their final dot) after which a break is the segmenter's artefact. */
const NON_FINAL = new Set(['e.g.', 'i.e.', 'vs.', 'cf.', 'w.r.t.', 'viz.', 'approx.', 'resp.', 'incl.', 'al.']);

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    if (end < text.length && joinsNext(text, end)) continue;
    pushTrimmed(out, text, from, end);
    from = end;
  }
  return out;
}

function pushTrimmed(out: string[], text: string, from: number, to: number): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (to > from) out.push(text.slice(from, to));
}

/** JavaScript's \\s, by character code. */
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0xfeff;

/** Does the piece ending at `end` (a break of the segmenter) end in an abbreviation that continues the sentence? */
function joinsNext(text: string, end: number): boolean {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  // A paragraph break is a break.
  for (let k = e; k < end; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return false;
  if (text.charCodeAt(e - 1) !== 46) return false;
  // The word before the dot: letters and inner dots, at most 7 characters ("w.r.t.").
  let s = e - 1;
  while (s > 0 && e - s <= 7) {
    const c = text.charCodeAt(s - 1);
    if (!(isAsciiLetter(c) || c === 46)) break;
    s--;
  }
  if (s === e - 1 || e - s > 7) return false;
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  if (!(isSpace(before) || before === 40 || before === 91)) return false;
  const word = text.slice(s, e).toLowerCase();
  if (word === 'al.') return s >= 3 && text.charCodeAt(s - 1) === 32 && text.slice(s - 3, s - 1).toLowerCase() === 'et';
  return NON_FINAL.has(word);
}

// Words keep inner hyphens, dots, carets, apostrophes and trailing pluses (Llama-3.1-8B, S^3-Attention, CHM-Corr++);
// brackets and clause punctuation are tokens of their own for acronym and list rules.

// Names are keyed many times per paper (tables, lexicon, title tests): a bounded memo of recent keys.
const NORM_MEMO = new Map<string, string>();
const NORM_MEMO_MAX = 2_000;

/** Lower-cased, everything outside a-z0-9 removed: paperKey's rule (lowerAlnum), memoised, with a fast path for plain words. */
export function norm(text: string): string {
  let key = NORM_MEMO.get(text);
  if (key === undefined) {
    if (NORM_MEMO.size >= NORM_MEMO_MAX) NORM_MEMO.clear();
    key = keyOf(text);
    NORM_MEMO.set(text, key);
  }
  return key;
}

function keyOf(text: string): string {
  // Most keys are asked of plain lower-case words or capitalised ASCII names: no regex for those.
  let plain = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) plain = false;
    else return lowerAlnum(text);
  }
  return plain ? text : text.toLowerCase();
}

// URLs carry repository and user names that are not entities; blanking keeps the offsets.
const URL_RE = /\b(?:https?:\/\/|www\.|github\.com\/|gitlab\.com\/)\S+/g;
/** Is the dot at `dot` the one of "www."? */
const isWww = (text: string, dot: number) => dot >= 3 && text.charCodeAt(dot - 1) === 119 && text.charCodeAt(dot - 2) === 119 && text.charCodeAt(dot - 3) === 119;

// A token: a word character (or ∞), then word characters, ^ or @, and single - . ' ’ _ between word characters (or
// before ^), then trailing pluses; or one of ( ) , ; : " “ ”. A scan over character codes, one slice per token, with
// the character classes as bit flags: a table for ASCII, a few comparisons above.
const KEY = 1; // a-z 0-9: a token of these only is its own key
const WORD = 2; // letters (ASCII and Latin-1 to Latin Extended-B) and digits
const CAPITAL = 4;
const JOINER = 8; // - . ' ’ _ between word characters (or before ^)
const INNER = 16; // ^ @
const PUNCT = 32; // ( ) , ; : " “ ”: a token of its own
const OPENS = 64; // ∞: starts a token, not a word character
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) ASCII_CLASS[c] = KEY | WORD;
  else if (c >= 65 && c <= 90) ASCII_CLASS[c] = WORD | CAPITAL;
  else if (c === 45 || c === 46 || c === 39 || c === 95) ASCII_CLASS[c] = JOINER;
  else if (c === 94 || c === 64) ASCII_CLASS[c] = INNER;
  else if (c === 40 || c === 41 || c === 44 || c === 59 || c === 58 || c === 34) ASCII_CLASS[c] = PUNCT;
}
const classOf = (c: number) => (c < 128 ? ASCII_CLASS[c] : c >= 0xc0 && c <= 0x24f ? WORD : c === 0x2019 ? JOINER : c === 0x201c || c === 0x201d ? PUNCT : c === 0x221e ? OPENS : 0);

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  tokenizeInto(sentence, tokens);
  return tokens;
}

/** What scan noticed on its way, besides the tokens. */
const URL_LIKE = 1; // a slash or "www."
const FOLDS_TO_ASCII = 2; // İ or the Kelvin sign
const DEFINES = 4; // "(", or - – — after a space

/** Appends the tokens of `sentence` and returns scan's findings in the sentence as given. */
function tokenizeInto(sentence: string, tokens: Token[]): number {
  const found = scan(sentence, tokens);
  // Every URL has a slash or "www.": only then is it worth blanking and scanning again.
  if (found & URL_LIKE) {
    const blanked = sentence.replace(URL_RE, (u) => ' '.repeat(u.length));
    if (blanked !== sentence) {
      tokens.length = 0;
      scan(blanked, tokens);
    }
  }
  return found;
}

/** Appends the tokens of `text`; returns URL_LIKE, FOLDS_TO_ASCII and DEFINES for what it holds. */
function scan(text: string, tokens: Token[]): number {
  let found = 0;
  const n = text.length;
  for (let start = 0; start < n; ) {
    const c0 = text.charCodeAt(start);
    const k0 = classOf(c0);
    if (k0 & PUNCT) {
      if (c0 === 40) found |= DEFINES;
      tokens.push({ text: text[start], start, end: start + 1, norm: '', punct: true, upper: false });
      start++;
      continue;
    }
    if (!(k0 & (WORD | OPENS))) {
      if (c0 === 47 || (c0 === 46 && isWww(text, start))) found |= URL_LIKE;
      else if (c0 === 0x212a) found |= FOLDS_TO_ASCII;
      // A dash after a space is never inside a token.
      else if ((c0 === 45 || c0 === 0x2013 || c0 === 0x2014) && start > 0 && isSpace(text.charCodeAt(start - 1))) found |= DEFINES;
      start++;
      continue;
    }
    // The scan also tells how to key the token: most are plain lower-case words whose key is the word itself.
    let upper = (k0 & CAPITAL) !== 0;
    let plain = (k0 & KEY) !== 0;
    let ascii = c0 < 128;
    if (c0 === 0x130) found |= FOLDS_TO_ASCII;
    let joined = false;
    let end = start + 1;
    // Reads stay below n: one out-of-range charCodeAt deoptimises the scan, and V8 recompiles the reads as slow generic calls.
    for (; end < n; end++) {
      const c = text.charCodeAt(end);
      const k = classOf(c);
      if (k & KEY) continue;
      if (!(k & (WORD | INNER) || (k & JOINER && end + 1 < n && (classOf(text.charCodeAt(end + 1)) & WORD || text.charCodeAt(end + 1) === 94)))) {
        // Trailing pluses end the token.
        if (c === 43) {
          plain = false;
          joined = true;
          do end++;
          while (end < n && text.charCodeAt(end) === 43);
        }
        break;
      }
      if (c === 46 && isWww(text, end)) found |= URL_LIKE;
      plain = false;
      if (k & CAPITAL) upper = true;
      else if (c >= 128) {
        ascii = false;
        if (c === 0x130) found |= FOLDS_TO_ASCII;
      } else if (!(k & WORD)) joined = true;
    }
    const t = text.slice(start, end);
    tokens.push({ text: t, start, end, norm: plain ? t : ascii ? asciiKey(t, upper, joined) : norm(t), punct: false, upper });
    start = end;
  }
  return found;
}

/** The key of an ASCII token with capitals or with punctuation (`joined`: - . ' _ ^ @ +). */
function asciiKey(t: string, upper: boolean, joined: boolean): string {
  if (joined) return lowerAlnum(t);
  return upper ? t.toLowerCase() : t;
}

export function toSentence(text: string, isTitle = false): Sentence {
  const tokens: Token[] = [];
  const found = tokenizeInto(text, tokens);
  return { text, tokens, isTitle, charScan: (found & (URL_LIKE | FOLDS_TO_ASCII)) !== 0, mayDefine: (found & DEFINES) !== 0 };
}

const UPPER = /[A-Z]/;
export const isUpper = (c: string) => UPPER.test(c);

/** Inner capitals or digits mark a name-like token: ZipVL, GPT-4, T2Ranking, S^3-Attention, iHVP (not Top-1, 4-bit, Multi-Head). */
export function isStrongName(t: string): boolean {
  // A character scan instead of regexes and split: this runs for every capitalised token.
  const c0 = t.charCodeAt(0);
  if (!(isAsciiLetter(c0) || (c0 >= 0xc0 && c0 <= 0x24f))) return false;
  let uppers = 0;
  let special = false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 65 && c <= 90) uppers++;
    else if (c === 94 || c === 43) special = true;
  }
  if (special) return c0 >= 65 && c0 <= 90;
  if (!uppers) return false;
  // Per part between - _ . ' ’: a capital after its first letter, or a digit beside letters (or among several capitals).
  let partStart = 0;
  let letter = false;
  let digit = false;
  for (let k = 0; k <= t.length; k++) {
    const c = k < t.length ? t.charCodeAt(k) : 45;
    if (c === 45 || c === 95 || c === 46 || c === 39 || c === 0x2019) {
      if (digit && (letter || uppers >= 2)) return true;
      partStart = k + 1;
      letter = digit = false;
    } else if (c >= 48 && c <= 57) digit = true;
    else if (isAsciiLetter(c)) {
      letter = true;
      if (c <= 90 && k > partStart) return true;
    }
  }
  return false;
}

// ASCII character classes by code, shared by the rules' character scans.
export const isUpperCode = (c: number) => c >= 65 && c <= 90;
export const isLowerCode = (c: number) => c >= 97 && c <= 122;
export const isAsciiLetter = (c: number) => isUpperCode(c) || isLowerCode(c);
export const isAlnumCode = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);
/** The code with an ASCII capital lower-cased. */
export const foldAscii = (c: number) => (isUpperCode(c) ? c + 32 : c);

export function isCapitalized(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The index of the first of list[from..] that starts at or after `at`; list.length if none does. */
export function firstStartingAt<T extends { start: number }>(list: T[], at: number, from = 0): number {
  while (from < list.length && list[from].start < at) from++;
  return from;
}

/** Sorts by start offset in place, stably. */
export function sortByStart<T extends { start: number }>(list: T[]): T[] {
  // Insertion sort: the lists are short and nearly always in order already; Array.prototype.sort allocates and calls a comparator.
  for (let k = 1; k < list.length; k++) {
    const item = list[k];
    if (list[k - 1].start <= item.start) continue;
    let j = k;
    do list[j] = list[j - 1];
    while (--j > 0 && list[j - 1].start > item.start);
    list[j] = item;
  }
  return list;
}
