// The curated concept taxonomy (lexicons/concepts.json) and its trigger matching: one pass over a text's words.
import { readFileSync } from 'node:fs';
import type { PaperEntity } from './entities.ts';
import { foldAscii, type Sentence } from './text.ts';
import { CharTrie } from './trie.ts';

export interface Concept {
  id: string;
  name: string;
  description: string;
  triggers: string[];
}

export class ConceptTaxonomy {
  readonly concepts: Concept[];
  /** Character trie of the lower-cased triggers. */
  private readonly trie: CharTrie;
  /** Taxonomy positions of the concepts whose trigger ends at a node. */
  private readonly ends: Array<number[] | undefined> = [];
  private readonly order = new Map<string, number>();
  /** The first two characters of every trigger (ASCII), for a table test before the trie walk: most words fail it. */
  private readonly heads = new Uint8Array(128 * 128);
  /** The end node of the trigger longestFrom found last. */
  private matched = 0;

  constructor() {
    const file = new URL('./lexicons/concepts.json', import.meta.url);
    this.concepts = JSON.parse(readFileSync(file, 'utf8')).concepts;
    this.concepts.forEach((c, at) => this.order.set(c.id, at));
    const triggers = this.concepts.flatMap((c, at) => c.triggers.map((t) => ({ key: t.toLowerCase(), at })));
    for (const { key } of triggers) this.heads[headOf(key, 0)] = 1;
    this.trie = CharTrie.of(
      triggers.map((t) => t.key),
      (_, node, k) => {
        const list = (this.ends[node] ??= []);
        if (!list.includes(triggers[k].at)) list.push(triggers[k].at);
      },
    );
  }

  /** Taxonomy position of a concept id (-1 when it is not one). */
  positionOf(id: string): number {
    return this.order.get(id) ?? -1;
  }

  /**
   * Concept ids whose triggers occur in the text as whole words, in taxonomy order: leftmost-longest and
   * non-overlapping, as one alternation regex would match.
   */
  match(text: string): string[] {
    const hit = new Uint8Array(this.concepts.length);
    return this.mark(text, hit) ? this.idsOf(hit) : [];
  }

  /** Flags in `hit` (by taxonomy position, from `base`) the concepts whose triggers occur in the text; true when one did. */
  mark(text: string, hit: Uint8Array, base = 0): boolean {
    // Lower-cased first: İ and the Kelvin sign lower-case to ASCII letters (İ to two characters).
    const lower = text.toLowerCase();
    return this.scanWords(lower, 0, lower.length, hit, base) >= 0;
  }

  /**
   * `mark` for a tokenized sentence, without lower-casing it: its tokens tell where words start, and most are whole
   * words whose key walks the trie at once.
   */
  markSentence(sentence: Sentence, hit: Uint8Array, base: number): boolean {
    const { text, tokens } = sentence;
    // Blanked URLs have no tokens but may hold triggers, and İ and the Kelvin sign need lower-casing: the character scan.
    if (sentence.charScan) return this.mark(text, hit, base);
    let any = false;
    // No trigger starts before the end of the last one.
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.punct || t.end <= from) continue;
      let end: number;
      // A key as long as its token means only ASCII letters and digits: one word, which a trigger covers whole.
      if (t.norm.length === t.text.length) {
        const node = this.trie.walk(CharTrie.ROOT, t.norm);
        end = node ? this.longestFrom(text, node, t.end) : -1;
        if (end >= 0) this.flagMatched(hit, base);
      } else {
        // Words also start inside the token, after - . ' _ ^ @ or a letter beyond ASCII.
        end = this.scanWords(text, Math.max(t.start, from), t.end, hit, base);
      }
      if (end >= 0) {
        any = true;
        from = end;
      }
    }
    return any;
  }

  /**
   * The character scan: flags the triggers that start at the words of text[at, to) (ASCII capitals folded), leftmost
   * longest; returns where the last one ended, or -1 if none did.
   */
  private scanWords(text: string, at: number, to: number, hit: Uint8Array, base: number): number {
    let last = -1;
    while (at < to) {
      if (!isWordChar(foldAscii(text.charCodeAt(at)))) {
        at++;
        continue;
      }
      const end = this.heads[headOf(text, at)] ? this.longestFrom(text, CharTrie.ROOT, at) : -1;
      if (end >= 0) {
        this.flagMatched(hit, base);
        at = last = end;
      } else {
        // No trigger here: the rest of the word cannot start one.
        while (at < to && isWordChar(foldAscii(text.charCodeAt(at)))) at++;
      }
    }
    return last;
  }

  /**
   * The end of the longest trigger through `node`, which the text's characters before `k` reached, that ends before a
   * non-word character (ASCII capitals folded); -1 if there is none.
   */
  private longestFrom(text: string, node: number, k: number): number {
    const { trie, ends } = this;
    const n = text.length;
    let best = -1;
    for (;;) {
      // Reads stay in range: one out-of-range charCodeAt deoptimises the loop, and V8 recompiles its reads as slow generic calls.
      if (ends[node] && (k === n || !isWordChar(foldAscii(text.charCodeAt(k))))) {
        best = k;
        this.matched = node;
      }
      if (k === n) return best;
      node = trie.step(node, foldAscii(text.charCodeAt(k++)));
      if (!node) return best;
    }
  }

  /** Flags the concepts of the trigger longestFrom found last. */
  private flagMatched(hit: Uint8Array, base: number): void {
    for (const c of this.ends[this.matched]!) hit[base + c] = 1;
  }

  /** The ids of the flagged concepts (from `base` in `hit`), in taxonomy order, appended to `out` unless already there. */
  idsOf(hit: Uint8Array, out: string[] = [], base = 0): string[] {
    for (let k = 0; k < this.concepts.length; k++) if (hit[base + k] && !out.includes(this.concepts[k].id)) out.push(this.concepts[k].id);
    return out;
  }
}

// conceptsOf's flags, reused from paper to paper (a typed array costs more to allocate than to clear): one row per
// sentence of the paper, and one for an entity.
let rows = new Uint8Array(0);
let hits = new Uint8Array(0);

/**
 * A paper's concepts (the triggers of its title and abstract sentences, and the listed concepts of its methods) and
 * each method's own, by position in `entities`: its listed ones, then those its names trigger, then, for a new method,
 * those its evidence sentence triggers.
 */
export function conceptsOf(sentences: Sentence[], entities: PaperEntity[]): { concepts: string[]; byEntity: Array<string[] | undefined> } {
  const tax = taxonomy();
  const n = tax.concepts.length;
  // Triggers cannot span a sentence break (they end before a non-word character), so the sentences' rows together
  // hold what the whole text would, and an evidence sentence's row is already marked.
  const width = n * (sentences.length + 1);
  if (rows.length < width) rows = new Uint8Array(2 * width);
  else rows.fill(0, 0, width);
  if (hits.length !== n) hits = new Uint8Array(n);
  const paper = n * sentences.length;
  for (let s = 0; s < sentences.length; s++) {
    if (!tax.markSentence(sentences[s], rows, s * n)) continue;
    for (let c = 0; c < n; c++) rows[paper + c] |= rows[s * n + c];
  }
  // A list by position rather than an object keyed by name: V8 would intern every new name used as a key.
  const byEntity: Array<string[] | undefined> = new Array(entities.length);
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k];
    if (e.type !== 'method') continue;
    const ids: string[] = [];
    for (const id of e.lex?.concepts ?? NONE) {
      if (!ids.includes(id)) ids.push(id);
      const at = tax.positionOf(id);
      if (at >= 0) rows[paper + at] = 1;
    }
    hits.fill(0);
    if (tax.mark(e.aliases.length ? `${e.name} ${e.aliases.join(' ')}` : e.name, hits)) tax.idsOf(hits, ids);
    if (e.proposed && e.evidence) {
      const s = sentences.findIndex((x) => x.text === e.evidence);
      if (s >= 0) tax.idsOf(rows, ids, s * n);
      else {
        hits.fill(0);
        if (tax.mark(e.evidence, hits)) tax.idsOf(hits, ids);
      }
    }
    if (ids.length) byEntity[k] = ids;
  }
  return { concepts: tax.idsOf(rows, [], paper), byEntity };
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Slot of the two characters at `at`, ASCII capitals folded (0 when either is not ASCII or the text ends). */
function headOf(s: string, at: number): number {
  // Reads stay in range, as in longestFrom.
  if (at + 1 >= s.length) return 0;
  const a = foldAscii(s.charCodeAt(at));
  const b = foldAscii(s.charCodeAt(at + 1));
  return a < 128 && b < 128 ? a * 128 + b : 0;
}

const NONE: string[] = [];

let shared: ConceptTaxonomy | null = null;
export function taxonomy(): ConceptTaxonomy {
  shared ??= new ConceptTaxonomy();
  return shared;
}
