// The curated concept taxonomy (lexicons/concepts.json) and its trigger matching: one pass over a text's words.
import { readFileSync } from 'node:fs';

export interface Concept {
  id: string;
  name: string;
  description: string;
  triggers: string[];
}

export class ConceptTaxonomy {
  readonly concepts: Concept[];
  private readonly byTrigger = new Map<string, string[]>();
  /** Triggers by the code of their first characters, longest first: a scan probes only triggers that can start at a word. */
  private readonly byHead = new Map<number, string[]>();
  /** Taxonomy position of each concept id. */
  private readonly order = new Map<string, number>();
  /** First two characters of every trigger (a word character and a word character or 0), for a table test. */
  private readonly heads = new Uint8Array(128 * 128);

  constructor() {
    const file = new URL('./lexicons/concepts.json', import.meta.url);
    this.concepts = JSON.parse(readFileSync(file, 'utf8')).concepts;
    for (const c of this.concepts) {
      for (const t of c.triggers) {
        const key = t.toLowerCase();
        this.byTrigger.set(key, [...(this.byTrigger.get(key) ?? []), c.id]);
      }
    }
    for (const key of [...this.byTrigger.keys()].sort((a, b) => b.length - a.length)) {
      const head = headCode(key, 0);
      this.byHead.set(head, [...(this.byHead.get(head) ?? []), key]);
      const c1 = key.charCodeAt(1);
      if (isWordChar(key.charCodeAt(0))) this.heads[key.charCodeAt(0) * 128 + (isWordChar(c1) ? c1 : 0)] = 1;
    }
    this.concepts.forEach((c, i) => this.order.set(c.id, i));
  }

  /**
   * Concept ids whose triggers occur in the text as whole words, in taxonomy order: leftmost-longest and
   * non-overlapping, as one alternation regex would match, but probing only the few triggers that share a word's head.
   */
  match(text: string): string[] {
    let found: Set<string> | null = null;
    const lower = text.toLowerCase();
    const n = lower.length;
    let at = 0;
    while (at < n) {
      // At a word start: the previous character is not a word character.
      if (!isWordChar(lower.charCodeAt(at))) {
        at++;
        continue;
      }
      const c1 = lower.charCodeAt(at + 1);
      const candidates = this.heads[lower.charCodeAt(at) * 128 + (isWordChar(c1) ? c1 : 0)] ? this.byHead.get(headCode(lower, at)) : undefined;
      let matched = false;
      if (candidates) {
        for (const key of candidates) {
          if (!lower.startsWith(key, at) || isWordChar(lower.charCodeAt(at + key.length))) continue;
          found ??= new Set();
          for (const id of this.byTrigger.get(key)!) found.add(id);
          at += key.length;
          matched = true;
          break;
        }
      }
      // No trigger here: the rest of the word cannot start one.
      if (!matched) while (at < n && isWordChar(lower.charCodeAt(at))) at++;
    }
    if (!found) return [];
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** The word characters among the first three at `at`, packed in a number (a word shorter than three ends early). */
function headCode(s: string, at: number): number {
  let code = 0;
  for (let k = at; k < at + 3; k++) {
    const c = s.charCodeAt(k);
    code = code * 128 + (isWordChar(c) ? c : 0);
    if (!isWordChar(c)) return code * (k === at + 2 ? 1 : 128 ** (at + 2 - k));
  }
  return code;
}

let shared: ConceptTaxonomy | null = null;
export function taxonomy(): ConceptTaxonomy {
  shared ??= new ConceptTaxonomy();
  return shared;
}
