// Sentence splitting and tokenisation shared by every extraction rule.

export interface Token {
  text: string;
  /** Character offsets in the sentence. */
  start: number;
  end: number;
  /** Lower-cased, everything outside a-z0-9 removed: the matching key. */
  norm: string;
  punct: boolean;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  isTitle: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.trim();
    if (s) out.push(s);
  }
  return out;
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
    tokens.push({ text: t, start: m.index, end: m.index + t.length, norm: punct ? '' : norm(t), punct });
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
  if (!/^[A-Za-z\u00C0-\u024F]/.test(t)) return false;
  if (/[\^+]/.test(t)) return /^[A-Z]/.test(t);
  if (!/[A-Z]/.test(t)) return false;
  const uppers = t.replace(/[^A-Z]/g, '').length;
  for (const p of t.split(/[-_.'’]/)) {
    if (/[A-Z]/.test(p.slice(1))) return true;
    if (/[0-9]/.test(p) && (/[A-Za-z]/.test(p) || uppers >= 2)) return true;
  }
  return false;
}

export function isCapitalized(t: string): boolean {
  return /^[A-Z]/.test(t);
}
