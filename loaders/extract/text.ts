// Sentence splitting and tokenisation shared by every extraction rule.

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
}

// Sentence ends, following the Unicode sentence-break rules (UAX #29) that Intl.Segmenter applies, hand-coded because
// Intl.Segmenter costs more than all of tokenisation: a terminator, closing quotes/brackets, then spaces.
const TERMINATOR = /(?:[.!?]+["'”’)\]]*)+[ \t]*|[\r\n]+/g;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(text); m; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= text.length || !breaksAfter(text, m[0], m.index, end)) continue;
    pushTrimmed(out, text.slice(from, end));
    from = end;
  }
  pushTrimmed(out, text.slice(from));
  return out;
}

function pushTrimmed(out: string[], s: string): void {
  const t = s.trim();
  if (t) out.push(t);
}

/** No break before a comma-like continuation, nor after a full stop when the next letter is lower case ("e.g. the"). */
function breaksAfter(text: string, terminator: string, at: number, next: number): boolean {
  const c = text.charCodeAt(next);
  if (c === 44 || c === 59 || c === 58) return false;
  const first = terminator.charCodeAt(0);
  if (first === 13 || first === 10) return true;
  const spaced = terminator.endsWith(' ') || terminator.endsWith('\t');
  if (!spaced && first === 46) {
    // "GPT-4.In this work" breaks; "3.5", "e.g.", "U.S.", "ability.We" do not.
    const before = text.charCodeAt(at - 1);
    return c >= 65 && c <= 90 && !isLetter(before) && terminator === '.';
  }
  if (terminator.includes('?') || terminator.includes('!')) return true;
  for (let k = next; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (d === 46 || d === 33 || d === 63 || d === 10 || d === 13) return true;
    const ch = text[k];
    if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toUpperCase();
  }
  return true;
}

// Words keep inner hyphens, dots, carets, apostrophes and trailing pluses (Llama-3.1-8B, S^3-Attention, CHM-Corr++);
// brackets and clause punctuation are tokens of their own for acronym and list rules.
const TOKEN_RE = /[A-Za-z0-9\u00C0-\u024F∞](?:[A-Za-z0-9\u00C0-\u024F^@]|[-.'’_](?=[A-Za-z0-9\u00C0-\u024F^]))*\+*|[(),;:"“”]/g;

export function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// URLs carry repository and user names that are not entities; blanking keeps the offsets.
const URL_RE = /\b(?:https?:\/\/|www\.|github\.com\/|gitlab\.com\/)\S+/g;

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const text = sentence.includes('http') || sentence.includes('www.') || sentence.includes('.com/') ? sentence.replace(URL_RE, (u) => ' '.repeat(u.length)) : sentence;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const punct = t.length === 1 && '(),;:"“”'.includes(t);
    // One pass over the characters: most tokens are plain lower-case words whose key is the word itself.
    let upper = false;
    let plain = true;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c >= 65 && c <= 90) upper = true;
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) plain = false;
    }
    tokens.push({ text: t, start: m.index, end: m.index + t.length, norm: punct ? '' : plain ? t : norm(t), punct, upper });
  }
  return tokens;
}

export function toSentence(text: string, isTitle = false): Sentence {
  return { text, tokens: tokenize(text), isTitle };
}

const UPPER = /[A-Z]/;
export const isUpper = (c: string) => UPPER.test(c);

/** Inner capitals or digits mark a name-like token: ZipVL, GPT-4, T2Ranking, S^3-Attention, iHVP (not Top-1, 4-bit, Multi-Head). */
export function isStrongName(t: string): boolean {
  // A character scan instead of regexes and split: this runs for every capitalised token.
  const c0 = t.charCodeAt(0);
  if (!(isLetter(c0) || (c0 >= 0xc0 && c0 <= 0x24f))) return false;
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
    else if (isLetter(c)) {
      letter = true;
      if (c <= 90 && k > partStart) return true;
    }
  }
  return false;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function isCapitalized(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 65 && c <= 90;
}
