// Relationship rows spooled to newline-delimited JSON files as a load stages them, one file per
// (type, from label, to label), so a load holds no objects for its millions of relationships and
// commit COPYs each group once into its table. JSON rather than CSV: Kùzu reads it at least as
// fast as quoted CSV (evidence sentences need quoting), keeps "" apart from null, and escapes line
// breaks, which Kùzu's parallel CSV reader rejects inside quotes. The spool also remembers which
// (from, to) pairs it holds, so a relationship staged twice in a load is written once. A load
// spools millions of rows: each line reuses the JSON of the previous row's values where they
// repeat (rows come grouped by paper) and of node ids, and allocates little else.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeLabel, RelType } from '../../model/graph.ts';
import type { RelRow } from '../batch.ts';
import { PairSet } from './pair-set.ts';

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

interface Open extends SpooledFile {
  fd: number;
  buffer: string;
  /** (from, to) pairs spooled, by node number: sets of strings per node would cost far more. */
  pairs: PairSet;
}

/** A node id seen by the spool: its number in pairs, and its JSON. */
interface NodeRef {
  n: number;
  json: string;
}

export class RelSpool {
  private readonly open = new Map<string, Open>();
  private readonly nodes = new Map<string, NodeRef>();
  private closed = false;
  /** Columns whose value repeats from row to row (rows come grouped by paper). */
  private readonly evidence = new RepeatedJson();
  private readonly paperId = new RepeatedJson();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The rows of `rows` not spooled yet. */
  unspooled(g: SpoolGroup, rows: readonly RelRow[]): RelRow[] {
    const pairs = this.open.get(fileKey(g))?.pairs;
    return pairs ? rows.filter((r) => !pairs.has(this.node(r.from).n, this.node(r.to).n)) : [...rows];
  }

  /** Appends the rows not spooled yet; returns how many that was. */
  append(g: SpoolGroup, rows: readonly RelRow[]): number {
    if (rows.length === 0) return 0;
    const f = this.file(g);
    let added = 0;
    let fromId: string | null = null;
    let from: NodeRef | undefined;
    for (const r of rows) {
      if (r.from !== fromId) from = this.node((fromId = r.from));
      const to = this.node(r.to);
      if (!f.pairs.add(from!.n, to.n)) continue;
      added++;
      f.buffer += `{"from":${from!.json},"to":${to.json},"evidence":${this.evidence.of(r.evidence)},"paperId":${this.paperId.of(r.paperId)},"outcome":${json(r.outcome)}}\n`;
      if (f.buffer.length >= CHUNK) this.write(f);
    }
    f.rows += added;
    return added;
  }

  /** Flushes and closes every file; the spool takes no more rows and lets go of what it remembered. */
  finish(): SpooledFile[] {
    const out: SpooledFile[] = [];
    for (const f of this.open.values()) {
      this.write(f);
      out.push({ type: f.type, fromLabel: f.fromLabel, toLabel: f.toLabel, path: f.path, rows: f.rows });
    }
    this.close();
    this.open.clear();
    this.nodes.clear();
    return out;
  }

  /** Releases the file descriptors (the files stay; the generation directory owns them). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of this.open.values()) closeSync(f.fd);
  }

  private node(id: string): NodeRef {
    let ref = this.nodes.get(id);
    if (ref === undefined) this.nodes.set(id, (ref = { n: this.nodes.size, json: JSON.stringify(id) }));
    return ref;
  }

  private file(g: SpoolGroup): Open {
    const key = fileKey(g);
    let f = this.open.get(key);
    if (!f) {
      const path = join(this.dir, `${key}.json`);
      f = { type: g.type, fromLabel: g.fromLabel, toLabel: g.toLabel, path, rows: 0, fd: openSync(path, 'w'), buffer: '', pairs: new PairSet() };
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

/** A column's JSON, made again only when its value differs from the previous row's. */
class RepeatedJson {
  private last: string | null = null;
  private text = 'null';

  of(v: string | null): string {
    if (v !== this.last) this.text = json((this.last = v));
    return this.text;
  }
}

const fileKey = (g: SpoolGroup) => `${g.type}-${g.fromLabel}-${g.toLabel}`;
