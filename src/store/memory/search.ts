// Full-text search over the in-memory graph: one BM25 index per label over the fields the
// embedded FTS indexes cover (titles and abstracts, names and aliases, concept descriptions),
// lower-cased, without stop words and Porter-stemmed as Kùzu's FTS extension does.
import { stemmer } from 'stemmer';
import type { NodeRow } from '../port.ts';

const STOP_WORDS = new Set(
  ('a an and are as at be been but by can for from has have in into is it its not of on or our such than that the their ' +
    'then there these they this to was we were which will with').split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;
const K1 = 1.2;
const B = 0.75;

/** Stems of words seen, memoised; bounded, since search queries bring words of their own. */
const stems = new Map<string, string>();
const STEMS_MAX = 500_000;

/** The index terms of a text; a query is turned into terms the same way. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const [w] of text.toLowerCase().matchAll(WORD)) {
    if (STOP_WORDS.has(w)) continue;
    let s = stems.get(w);
    if (s === undefined) {
      s = stemmer(w);
      if (stems.size >= STEMS_MAX) stems.clear();
      stems.set(w, s);
    }
    out.push(s);
  }
  return out;
}

/** What each label's index covers: the same fields as the embedded store's FTS indexes. */
export function indexedText(n: NodeRow): string {
  switch (n.label) {
    case 'Paper':
      return `${n.title ?? ''} ${n.abstract}`;
    case 'Concept':
      return `${n.name} ${n.description ?? ''}`;
    case 'Organization':
      return n.name;
    default:
      return `${n.name} ${n.aliases.join(' ')}`;
  }
}

/** A growable Int32Array: the forward index of 100k abstracts is millions of entries. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

export interface Hit {
  /** Node index in the graph. */
  node: number;
  score: number;
}

/** Documents tokenized between two pauses of TextIndex.building (about 10 ms of work). */
const BUILD_SLICE = 500;

export class TextIndex {
  // Scratch for one query at a time (queries run synchronously).
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;

  private constructor(
    private readonly docs: Int32Array,
    private readonly vocab: Map<string, number>,
    private readonly postStart: Int32Array,
    private readonly postDoc: Int32Array,
    /** Each posting's BM25 term-frequency factor; times the term's idf it is the posting's score. */
    private readonly postWeight: Float32Array,
    /** The largest weight in each term's postings. */
    private readonly maxWeight: Float32Array,
  ) {
    this.acc = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
  }

  /** `docs` are node indexes; `textOf` gives each one's indexed text. */
  static build(docs: readonly number[], textOf: (node: number) => string): TextIndex {
    const steps = TextIndex.building(docs, textOf);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * `build` a slice of documents at a time: it pauses (yields) after every BUILD_SLICE documents, so
   * that a caller can let other work run while a large index is made.
   */
  static *building(docs: readonly number[], textOf: (node: number) => string): Generator<void, TextIndex> {
    const vocab = new Map<string, number>();
    const fwdTerm = new IntList();
    const fwdTf = new IntList();
    const docStart = new Int32Array(docs.length + 1);
    const docLen = new Int32Array(docs.length);
    let total = 0;
    for (let d = 0; d < docs.length; d++) {
      if (d > 0 && d % BUILD_SLICE === 0) yield;
      const tf = new Map<number, number>();
      const words = terms(textOf(docs[d]!));
      for (const t of words) {
        let id = vocab.get(t);
        if (id === undefined) vocab.set(t, (id = vocab.size));
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const [id, c] of tf) {
        fwdTerm.push(id);
        fwdTf.push(c);
      }
      docStart[d + 1] = fwdTerm.length;
      docLen[d] = words.length;
      total += words.length;
    }
    const avgLen = docs.length ? total / docs.length : 0;
    // Invert: postings of each term, documents in ascending order.
    const postStart = new Int32Array(vocab.size + 1);
    for (let i = 0; i < fwdTerm.length; i++) postStart[fwdTerm.data[i]! + 1]!++;
    for (let t = 0; t < vocab.size; t++) postStart[t + 1]! += postStart[t]!;
    const fill = postStart.slice(0, vocab.size);
    const postDoc = new Int32Array(fwdTerm.length);
    const postWeight = new Float32Array(fwdTerm.length);
    const maxWeight = new Float32Array(vocab.size);
    for (let d = 0; d < docs.length; d++) {
      if (d > 0 && d % BUILD_SLICE === 0) yield;
      const norm = K1 * (1 - B + (B * docLen[d]!) / avgLen);
      for (let i = docStart[d]!; i < docStart[d + 1]!; i++) {
        const term = fwdTerm.data[i]!;
        const tf = fwdTf.data[i]!;
        const slot = fill[term]!++;
        postDoc[slot] = d;
        postWeight[slot] = (tf * (K1 + 1)) / (tf + norm);
        if (postWeight[slot]! > maxWeight[term]!) maxWeight[term] = postWeight[slot]!;
      }
    }
    return new TextIndex(Int32Array.from(docs), vocab, postStart, postDoc, postWeight, maxWeight);
  }

  /**
   * The `k` best documents for the query's terms (any of them), BM25-scored; `before` breaks score
   * ties. Terms are taken rarest-scoring first (MaxScore): once the k-th best score so far beats all
   * that the remaining terms could add, documents not yet seen cannot enter the top k, so common
   * terms ("attention" in nearly every abstract) only add to the documents already found.
   */
  search(query: string, k: number, before: (a: number, b: number) => boolean): Hit[] {
    const n = this.docs.length;
    const qterms = [...new Set(terms(query))].flatMap((t) => {
      const id = this.vocab.get(t);
      if (id === undefined) return [];
      const df = this.postStart[id + 1]! - this.postStart[id]!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      return [{ id, idf, max: idf * this.maxWeight[id]! }];
    });
    qterms.sort((a, b) => b.max - a.max);
    let remaining = qterms.reduce((sum, t) => sum + t.max, 0);
    let count = 0;
    let closed = false;
    for (const t of qterms) {
      remaining -= t.max;
      for (let i = this.postStart[t.id]!; i < this.postStart[t.id + 1]!; i++) {
        const d = this.postDoc[i]!;
        if (this.acc[d] === 0) {
          if (closed) continue;
          this.touched[count++] = d;
        }
        this.acc[d]! += t.idf * this.postWeight[i]!;
      }
      if (!closed && count >= k) {
        const best = this.best(count, k, before);
        closed = best[best.length - 1]!.score > remaining;
      }
    }
    const hits = this.best(count, k, before);
    for (let i = 0; i < count; i++) this.acc[this.touched[i]!] = 0;
    return hits;
  }

  /** The k best of the first `count` touched documents, best first. */
  private best(count: number, k: number, before: (a: number, b: number) => boolean): Hit[] {
    const best: Hit[] = [];
    for (let i = 0; i < count; i++) {
      const d = this.touched[i]!;
      const score = this.acc[d]!;
      const node = this.docs[d]!;
      if (best.length === k) {
        const worst = best[k - 1]!;
        if (score < worst.score || (score === worst.score && !before(node, worst.node))) continue;
      }
      let at = best.length;
      while (at > 0 && (score > best[at - 1]!.score || (score === best[at - 1]!.score && before(node, best[at - 1]!.node)))) at--;
      best.splice(at, 0, { node, score });
      if (best.length > k) best.pop();
    }
    return best;
  }
}
