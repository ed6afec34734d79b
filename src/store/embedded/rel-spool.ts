// Relationship rows spooled to newline-delimited JSON files as a load stages them, one file per
// (type, from label, to label), so a load holds no objects for its millions of relationships and
// commit COPYs each group once into its table. JSON rather than CSV: Kùzu reads it at least as
// fast as quoted CSV (evidence sentences need quoting), keeps "" apart from null, and escapes line
// breaks, which Kùzu's parallel CSV reader rejects inside quotes. The spool also remembers which
// (from, to) pairs it holds, so a relationship staged twice in a load is written once.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeLabel, RelType } from '../../model/graph.ts';
import type { RelRow } from '../batch.ts';

export interface SpoolGroup {
  type: RelType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
}

export interface SpooledFile extends SpoolGroup {
  path: string;
  rows: number;
}

/**
 * Characters buffered per file before a write: few syscalls, and small enough that the buffered
 * lines die young in V8's heap instead of being promoted and left for a full collection.
 */
const CHUNK = 64 * 1024;
/** Node ids are numbered below 2^26, so (from, to) is one exact number below 2^52. */
const ID_BITS = 26;
const ID_LIMIT = 2 ** ID_BITS;

interface Open extends SpooledFile {
  fd: number;
  buffer: string;
  /** (from, to) pairs spooled, numbered: a load spools millions, and sets of strings per node cost far more. */
  pairs: Set<number>;
}

export class RelSpool {
  private readonly open = new Map<string, Open>();
  private readonly ids = new Map<string, number>();
  private closed = false;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The rows of `rows` not spooled yet. */
  unspooled(g: SpoolGroup, rows: readonly RelRow[]): RelRow[] {
    const pairs = this.open.get(fileKey(g))?.pairs;
    return pairs ? rows.filter((r) => !pairs.has(this.pair(r))) : [...rows];
  }

  /** Appends rows (not spooled yet: see unspooled()). */
  append(g: SpoolGroup, rows: readonly RelRow[]): void {
    if (rows.length === 0) return;
    const f = this.file(g);
    for (const r of rows) {
      f.pairs.add(this.pair(r));
      f.buffer += `{"from":${json(r.from)},"to":${json(r.to)},"evidence":${json(r.evidence)},"paperId":${json(r.paperId)},"outcome":${json(r.outcome)}}\n`;
      if (f.buffer.length >= CHUNK) this.write(f);
    }
    f.rows += rows.length;
  }

  /** Flushes and closes every file; the spool takes no more rows. */
  finish(): SpooledFile[] {
    const out: SpooledFile[] = [];
    for (const f of this.open.values()) {
      this.write(f);
      out.push({ type: f.type, fromLabel: f.fromLabel, toLabel: f.toLabel, path: f.path, rows: f.rows });
    }
    this.close();
    return out;
  }

  /** Releases the file descriptors (the files stay; the generation directory owns them). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of this.open.values()) closeSync(f.fd);
  }

  private pair(r: RelRow): number {
    return this.number(r.from) * ID_LIMIT + this.number(r.to);
  }

  private number(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.ids.size;
      if (n >= ID_LIMIT) throw new Error(`a load can spool relationships between at most ${ID_LIMIT} nodes`);
      this.ids.set(id, n);
    }
    return n;
  }

  private file(g: SpoolGroup): Open {
    const key = fileKey(g);
    let f = this.open.get(key);
    if (!f) {
      const path = join(this.dir, `${key}.json`);
      f = { type: g.type, fromLabel: g.fromLabel, toLabel: g.toLabel, path, rows: 0, fd: openSync(path, 'w'), buffer: '', pairs: new Set() };
      this.open.set(key, f);
    }
    return f;
  }

  private write(f: Open): void {
    if (f.buffer) writeSync(f.fd, f.buffer);
    f.buffer = '';
  }
}

/** One JSON value; stringifying fields one by one is cheaper than building an object per row. */
const json = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));

const fileKey = (g: SpoolGroup) => `${g.type}-${g.fromLabel}-${g.toLabel}`;
