// A character trie of a fixed set of keys in flat arrays, small enough to stay in cache: lexicon and concept matching
// walk one per token or word. A table row per node (a column for every character) missed the cache on most steps, so
// only the few nodes with many edges (the root and the first letters) get a row, by the keys' alphabet; the rest keep a
// short sorted edge list.

/** Nodes with at least this many edges get a table row. */
const ROW_EDGES = 3;

export class CharTrie {
  static readonly ROOT = 1;
  /** A node's edges are first[node] .. first[node + 1] - 1, sorted by character. */
  private readonly first: Int32Array;
  private readonly chars: Uint16Array;
  private readonly targets: Int32Array;
  /** Column of an ASCII character among the keys' characters (0 for the others: that cell is always empty). */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  /** Offset of a node's row in `rows`, -1 for nodes without one. */
  private readonly rowOf: Int32Array;
  private readonly rows: Int32Array;
  /** The node two ASCII characters below the root, by both columns: the two widest steps of a walk in one load. */
  private readonly pairs: Int32Array;

  /** `children[node]`: character code to child node, for nodes 1..n (node 0 stands for "no node"). */
  private constructor(children: Array<Map<number, number>>) {
    let edges = 0;
    let rowCount = 0;
    let width = 1;
    for (const kids of children) {
      edges += kids.size;
      if (kids.size >= ROW_EDGES) rowCount++;
      for (const c of kids.keys()) if (c < 128 && !this.column[c]) this.column[c] = width++;
    }
    this.width = width;
    this.pairs = new Int32Array(width * width);
    this.first = new Int32Array(children.length + 1);
    this.chars = new Uint16Array(edges);
    this.targets = new Int32Array(edges);
    this.rowOf = new Int32Array(children.length).fill(-1);
    this.rows = new Int32Array(rowCount * width);
    let e = 0;
    let row = 0;
    for (let node = 0; node < children.length; node++) {
      this.first[node] = e;
      const kids = children[node];
      if (kids.size >= ROW_EDGES) {
        this.rowOf[node] = row;
        for (const [c, child] of kids) if (c < 128) this.rows[row + this.column[c]] = child;
        row += width;
      }
      for (const [c, child] of [...kids].sort((a, b) => a[0] - b[0])) {
        this.chars[e] = c;
        this.targets[e++] = child;
      }
    }
    this.first[children.length] = e;
    for (const [a, child] of children[CharTrie.ROOT]) {
      if (a < 128) for (const [b, grandchild] of children[child]) if (b < 128) this.pairs[this.column[a] * width + this.column[b]] = grandchild;
    }
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
    const row = this.rowOf[node];
    if (row >= 0 && c < 128) return this.rows[row + this.column[c]];
    const chars = this.chars;
    const end = this.first[node + 1];
    for (let e = this.first[node]; e < end; e++) {
      const x = chars[e];
      if (x === c) return this.targets[e];
      if (x > c) return 0;
    }
    return 0;
  }

  /** The node two characters `a`, `b` below the root, 0 when there is none. */
  pair(a: number, b: number): number {
    return (a | b) < 128 ? this.pairs[this.column[a] * this.width + this.column[b]] : this.step(this.step(CharTrie.ROOT, a), b);
  }

  /** The node reached from `node` by the characters of `key`, 0 when the walk leaves the trie. */
  walk(node: number, key: string): number {
    let k = 0;
    if (node === CharTrie.ROOT && key.length >= 2) {
      node = this.pair(key.charCodeAt(0), key.charCodeAt(1));
      k = 2;
    }
    for (; k < key.length && node; k++) node = this.step(node, key.charCodeAt(k));
    return node;
  }
}
