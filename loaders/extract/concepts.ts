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
    }
  }

  /**
   * Concept ids whose triggers occur in the text as whole words, in taxonomy order: leftmost-longest and
   * non-overlapping, as one alternation regex would match, but probing only the few triggers that share a word's head.
   */
  match(text: string): string[] {
    const found = new Set<string>();
    const lower = text.toLowerCase();
    for (let at = 0; at < lower.length; at++) {
      if (!isWordChar(lower.charCodeAt(at)) || (at > 0 && isWordChar(lower.charCodeAt(at - 1)))) continue;
      const candidates = this.byHead.get(headCode(lower, at));
      if (!candidates) continue;
      for (const key of candidates) {
        if (!lower.startsWith(key, at) || isWordChar(lower.charCodeAt(at + key.length))) continue;
        for (const id of this.byTrigger.get(key)!) found.add(id);
        at += key.length - 1;
        break;
      }
    }
    return this.concepts.filter((c) => found.has(c.id)).map((c) => c.id);
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
