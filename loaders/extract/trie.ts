// A character trie of a fixed set of keys in three flat arrays, small enough to stay in cache: lexicon and concept
// matching walk one per token or word, and a table per node (a row for every character) missed the cache on most steps.

export class CharTrie {
  static readonly ROOT = 1;
  /** A node's edges are first[node] .. first[node + 1] - 1, sorted by character. */
  private readonly first: Int32Array;
  private readonly chars: Uint16Array;
  private readonly targets: Int32Array;
  /** The root's children by ASCII code: every walk starts there, among the most edges. */
  private readonly rootNext = new Int32Array(128);

  /** `children[node]`: character code to child node, for nodes 1..n (node 0 stands for "no node"). */
  private constructor(children: Array<Map<number, number>>) {
    let edges = 0;
    for (const kids of children) edges += kids?.size ?? 0;
    this.first = new Int32Array(children.length + 1);
    this.chars = new Uint16Array(edges);
    this.targets = new Int32Array(edges);
    let e = 0;
    for (let node = 0; node < children.length; node++) {
      this.first[node] = e;
      for (const [c, child] of [...(children[node] ?? [])].sort((a, b) => a[0] - b[0])) {
        this.chars[e] = c;
        this.targets[e++] = child;
      }
    }
    this.first[children.length] = e;
    for (const [c, child] of children[CharTrie.ROOT]) if (c < 128) this.rootNext[c] = child;
  }

  /** Builds the trie of `keys`; `onKey` receives each key's end node (and the key's position), for the caller's values. */
  static of(keys: Iterable<string>, onKey: (key: string, node: number, at: number) => void): CharTrie {
    const children: Array<Map<number, number>> = [new Map(), new Map()];
    let at = 0;
    for (const key of keys) {
      let node = CharTrie.ROOT;
      for (let k = 0; k < key.length; k++) {
        const c = key.charCodeAt(k);
        let child = children[node].get(c);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          children[node].set(c, child);
        }
        node = child;
      }
      onKey(key, node, at++);
    }
    return new CharTrie(children);
  }

  /** The child of `node` by character code `c`, 0 when there is none. */
  step(node: number, c: number): number {
    if (node === CharTrie.ROOT && c < 128) return this.rootNext[c];
    const chars = this.chars;
    const end = this.first[node + 1];
    for (let e = this.first[node]; e < end; e++) {
      const x = chars[e];
      if (x === c) return this.targets[e];
      if (x > c) return 0;
    }
    return 0;
  }

  /** The node reached from `node` by the characters of `key`, 0 when the walk leaves the trie. */
  walk(node: number, key: string): number {
    for (let k = 0; k < key.length && node; k++) node = this.step(node, key.charCodeAt(k));
    return node;
  }
}
