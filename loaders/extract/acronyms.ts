// Acronym definitions in both orders, "Long Form (LF)" and "LF (Long Form)", after Schwartz & Hearst (2003).
import { isAlnumCode, isAsciiLetter, isUpperCode, norm, type Sentence, type Token } from './text.ts';

export interface AcronymDef {
  long: string;
  short: string;
  /** Token span covering the long form, the short form and the brackets. */
  start: number;
  end: number;
  longStart: number;
  longEnd: number;
  shortStart: number;
  shortEnd: number;
}

/** Could this token be a short form: 2-12 chars, starts with a letter, has a capital (SQA, MoH, A2SF, QK-score). */
export function isShortForm(t: string): boolean {
  if (t.length < 2 || t.length > 14 || !isAsciiLetter(t.charCodeAt(0))) return false;
  // One scan for the capitals, a digit or caret, and where the first character that is no lower-case letter is.
  let caps = 0;
  let digit = false;
  let firstNotLower = -1;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 65 && c <= 90) caps++;
    else if ((c >= 48 && c <= 57) || c === 94) digit = true;
    if (firstNotLower < 0 && !(c >= 97 && c <= 122)) firstNotLower = k;
  }
  if (caps >= 2) return true;
  if (caps !== 1) return false;
  // "A2SF", "S^3"; or "iHVP"-like: lower-case letters, then the capital.
  return digit || (firstNotLower > 0 && isUpperCode(t.charCodeAt(firstNotLower)));
}

/** Shortest suffix of `text` whose characters spell the short form in order, the first letter starting a word; digits may stand for repeated letters (A2SF). */
export function longFormFor(short: string, text: string): string | null {
  const found = spell(short, text);
  if (found || !/[0-9]/.test(short)) return found;
  // A digit after a letter repeats it (A2SF: Accumulative Attention Score ..., R^3: Regularized Relevance Reward), else it is noise.
  const repeated = short.replace(/([A-Za-z])\^?([2-4])/g, (_, c: string, n: string) => c.repeat(Number(n)));
  if (repeated !== short) {
    const found = initials(repeated, text) ?? spell(repeated, text);
    if (found) return found;
  }
  const letters = short.replace(/[0-9]/g, '');
  return letters.replace(/[^A-Za-z]/g, '').length >= 2 ? spell(letters, text) : null;
}

const SKIPPED_WORDS = new Set(['of', 'for', 'with', 'and', 'the', 'a', 'an', 'in', 'on', 'to', 'via']);

/** The words whose initials are exactly the short form's letters, function words aside: RRR is Regularized Relevance Reward. */
function initials(short: string, text: string): string | null {
  const letters = short.toLowerCase().replace(/[^a-z]/g, '');
  const words = text.split(/\s+/);
  let got = '';
  for (let k = words.length - 1; k >= 0 && got.length < letters.length; k--) {
    const w = words[k];
    if (SKIPPED_WORDS.has(w) && got) continue;
    got = w[0].toLowerCase() + got;
    if (got === letters) return words.slice(k).join(' ');
  }
  return null;
}

function spell(short: string, text: string): string | null {
  const s = short.toLowerCase();
  const l = text.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s.charCodeAt(si);
    if (!isAlnumCode(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l.charCodeAt(li) !== c || (si === 0 && li > 0 && isAlnumCode(l.charCodeAt(li - 1))))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  // The word starts after the last space or bracket; a loop, as V8's lastIndexOf is a slow runtime call.
  let k = Math.min(li + 1, text.length - 1);
  while (k >= 0 && text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 40) k--;
  let start = k + 1;
  // "Dynamic Key-Distributed GQA (DGQA)": the first letter matched inside a hyphenated word, but the capitalised word
  // before it starts with that letter too, so the name starts there.
  if (li + 1 > start && text[li] === '-') {
    const prev = /([A-Z][A-Za-z]*)\s+$/.exec(text.slice(0, start));
    if (prev && prev[1][0].toLowerCase() === s[0]) start = prev.index;
  }
  const long = text.slice(start).trim();
  return long && !sameKey(long, short) ? long : null;
}

/** norm(a) === norm(b), without keying (and memoising) a long form no one asks about again. */
function sameKey(a: string, b: string): boolean {
  for (let i = 0, j = 0; ; i++, j++) {
    // Beyond ASCII, lower-casing may yield key characters: the keys decide from there.
    while (i < a.length && !isAlnumCode(a.charCodeAt(i))) if (a.charCodeAt(i++) >= 128) return norm(a) === norm(b);
    while (j < b.length && !isAlnumCode(b.charCodeAt(j))) if (b.charCodeAt(j++) >= 128) return norm(a) === norm(b);
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if ((a.charCodeAt(i) | 32) !== (b.charCodeAt(j) | 32)) return false;
  }
}

const maxWords = (short: string) => Math.min(short.length + 5, short.length * 2);

const DASH_GAP = /^\s+[-–—]\s+$/;

/** The result for the sentences that cannot define anything (most): one shared empty list. */
const NO_DEFS: readonly AcronymDef[] = [];

export function findAcronymDefs(s: Sentence): readonly AcronymDef[] {
  if (!s.mayDefine) return NO_DEFS;
  const { text: sentence, tokens } = s;
  const defs: AcronymDef[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].text !== '(') {
      // Cheap test first: a dash right after the token's following space (read only inside the sentence: one
      // out-of-range charCodeAt deoptimises the loop).
      const after = tokens[i].end + 1;
      const c = after < sentence.length ? sentence.charCodeAt(after) : 0;
      const dashed = c === 45 || c === 0x2013 || c === 0x2014 ? dashDef(sentence, tokens, i) : null;
      if (dashed) defs.push(dashed);
      continue;
    }
    let close = i + 1;
    while (close < tokens.length && close < i + 12 && tokens[close].text !== ')') close++;
    if (close >= tokens.length || tokens[close].text !== ')') continue;
    // Inside the brackets, only the part before a comma or semicolon: "(GTD, 1970--2016)".
    let innerEnd = i + 1;
    while (innerEnd < close && tokens[innerEnd].text !== ',' && tokens[innerEnd].text !== ';') innerEnd++;
    if (innerEnd === i + 1) continue;
    const inner = sentence.slice(tokens[i + 1].start, tokens[innerEnd - 1].end);
    const def = innerEnd - i - 1 <= 2 && isShortForm(inner.replace(/\s/g, '')) ? longBefore(sentence, tokens, i, inner) : null;
    if (def) {
      defs.push({ long: def.long, short: def.short, start: def.start, end: close + 1, longStart: def.longStart, longEnd: def.longEnd, shortStart: i + 1, shortEnd: innerEnd });
      continue;
    }
    const prev = tokens[i - 1];
    const whole = sentence.slice(tokens[i + 1].start, tokens[close - 1].end);
    if (!prev.punct && isShortForm(prev.text) && close - i - 1 >= 2) {
      const long = longFormFor(prev.text, whole);
      if (long && long === whole && long.split(/\s+/).length <= maxWords(prev.text)) {
        defs.push({ long, short: prev.text, start: i - 1, end: close + 1, longStart: i + 1, longEnd: close, shortStart: i - 1, shortEnd: i });
      }
    }
  }
  return defs;
}

/** "PASTA - Post-hoc Attention STeering Approach": the fewest following words that spell the short form. */
function dashDef(sentence: string, tokens: Token[], i: number): AcronymDef | null {
  const next = tokens[i + 1];
  if (!next || next.punct || !DASH_GAP.test(sentence.slice(tokens[i].end, next.start)) || !isShortForm(tokens[i].text)) return null;
  const short = tokens[i].text;
  for (let end = i + 2; end <= tokens.length && end - i - 1 <= maxWords(short) && !tokens[end - 1].punct; end++) {
    const run = sentence.slice(next.start, tokens[end - 1].end);
    if (end - i - 1 >= 2 && longFormFor(short, run) === run) return { long: run, short, start: i, end, longStart: i + 1, longEnd: end, shortStart: i, shortEnd: i + 1 };
  }
  return null;
}

function longBefore(sentence: string, tokens: Token[], open: number, short: string): Omit<AcronymDef, 'shortStart' | 'shortEnd' | 'end'> | null {
  // A quoted long form keeps its quotes out: "Summary of a Haystack" (SummHay).
  if (open > 1 && /^["”]$/.test(tokens[open - 1].text)) open--;
  // Window: up to maxWords tokens back, not crossing clause punctuation (every punctuation token is).
  let from = open;
  const words = maxWords(short);
  while (from > 0 && open - from < words && !tokens[from - 1].punct) from--;
  if (from === open) return null;
  const windowText = sentence.slice(tokens[from].start, tokens[open - 1].end);
  const long = longFormFor(short, windowText);
  if (!long) return null;
  const longStartChar = tokens[open - 1].end - long.length;
  const longStart = tokens.findIndex((t) => t.start >= longStartChar && t.start < tokens[open - 1].end);
  if (longStart < 0) return null;
  const text = sentence.slice(tokens[longStart].start, tokens[open - 1].end);
  return { long: text, short, start: longStart, longStart, longEnd: open };
}

