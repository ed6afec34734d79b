// The curated concept taxonomy (lexicons/concepts.json) and its trigger matching: one compiled regex, one pass per text.
import { readFileSync } from 'node:fs';

export interface Concept {
  id: string;
  name: string;
  description: string;
  triggers: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ConceptTaxonomy {
  readonly concepts: Concept[];
  private readonly byTrigger = new Map<string, string[]>();
  private readonly re: RegExp;

  constructor() {
    const file = new URL('./lexicons/concepts.json', import.meta.url);
    this.concepts = JSON.parse(readFileSync(file, 'utf8')).concepts;
    for (const c of this.concepts) {
      for (const t of c.triggers) {
        const key = t.toLowerCase();
        this.byTrigger.set(key, [...(this.byTrigger.get(key) ?? []), c.id]);
      }
    }
    const alternation = [...this.byTrigger.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
    this.re = new RegExp(`(?<![a-z0-9])(?:${alternation})(?![a-z0-9])`, 'g');
  }

  /** Concept ids whose triggers occur in the text, in taxonomy order. */
  match(text: string): string[] {
    const found = new Set<string>();
    const lower = text.toLowerCase();
    this.re.lastIndex = 0;
    for (let m = this.re.exec(lower); m; m = this.re.exec(lower)) for (const id of this.byTrigger.get(m[0])!) found.add(id);
    return this.concepts.filter((c) => found.has(c.id)).map((c) => c.id);
  }
}

let shared: ConceptTaxonomy | null = null;
export function taxonomy(): ConceptTaxonomy {
  shared ??= new ConceptTaxonomy();
  return shared;
}
