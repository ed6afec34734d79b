// A set of (from, to) pairs of node numbers in two typed arrays (open addressing, linear probing).
// A load remembers millions of spooled pairs: as a Set of numbers each pair would be a heap number
// that every full garbage collection marks, and about five times the memory.

const INITIAL_CAPACITY = 1 << 12;

export class PairSet {
  /** from + 1 per slot (0: empty). */
  private from = new Int32Array(INITIAL_CAPACITY);
  private to = new Int32Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(from: number, to: number): boolean {
    return this.slot(from, to) >= 0;
  }

  /** Adds the pair; false when it was already there. */
  add(from: number, to: number): boolean {
    const s = this.slot(from, to);
    if (s >= 0) return false;
    this.from[-s - 1] = from + 1;
    this.to[-s - 1] = to;
    if (++this.count * 2 > this.from.length) this.grow();
    return true;
  }

  /** The pair's slot, or -(free slot + 1) where it would go. */
  private slot(from: number, to: number): number {
    const mask = this.from.length - 1;
    const h = Math.imul(from, 0x9e3779b1) ^ Math.imul(to, 0x85ebca6b);
    let i = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const f = this.from[i]!;
      if (f === 0) return -i - 1;
      if (f === from + 1 && this.to[i] === to) return i;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { from, to } = this;
    this.from = new Int32Array(from.length * 2);
    this.to = new Int32Array(to.length * 2);
    this.count = 0;
    for (let i = 0; i < from.length; i++) if (from[i] !== 0) this.add(from[i]! - 1, to[i]!);
  }
}
