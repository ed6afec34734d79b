// A Kùzu database file with a small connection pool: prepared-statement caching, one query at a
// time per connection, Kùzu values decoded for the shared reads, Kùzu errors mapped to StoreError.
import kuzu, { type Connection, type Database, type PreparedStatement, type QueryResult } from 'kuzu';
import { StoreError, messageOf } from '../errors.ts';
import { DecodedNode, type ResultRow } from '../cypher/reads.ts';

export interface KuzuOptions {
  readOnly: boolean;
  bufferPoolBytes: number;
  connections: number;
  /** 0 leaves queries unbounded (writers). */
  timeoutMs: number;
  /** Off for loads: one checkpoint at commit instead of one per transaction. */
  autoCheckpoint: boolean;
  /**
   * Kùzu worker threads one query may use (0: Kùzu's default, every core). Readers use 1: their
   * queries are small, and under concurrent requests splitting each query over every core only
   * adds synchronisation while the other connections wait for the same cores.
   */
  threadsPerQuery?: number;
}

interface Slot {
  conn: Connection;
  statements: Map<string, PreparedStatement>;
  busy: boolean;
}

// Kùzu's node binding runs every query (and each prepare) on the libuv threadpool, which is also
// what fs and crypto use: a reader pool as large as the threadpool would block both while queries
// run. The pool size is read when the threadpool starts, so this only helps when the store module
// loads before the first fs/crypto call; `bin/kg.js` (or the environment) can set it earlier.
process.env.UV_THREADPOOL_SIZE ??= '12';

/** Reader connections that leave room on the libuv threadpool for file and crypto work. */
export function readerConnections(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(2, Math.min(8, pool - 2));
}

const SCAN_CHUNK = 5_000;
const PARAM_RE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

export class KuzuFile {
  private closed = false;
  /** Calls waiting for a free connection, first come first served. */
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private readonly running = new Set<Promise<unknown>>();

  private constructor(
    readonly path: string,
    private readonly db: Database,
    private readonly slots: Slot[],
    private readonly timeoutMs: number,
  ) {}

  static async open(path: string, o: KuzuOptions): Promise<KuzuFile> {
    let db: Database | undefined;
    try {
      db = new kuzu.Database(path, o.bufferPoolBytes, true, o.readOnly, 0, o.autoCheckpoint);
      await db.init();
      const slots: Slot[] = [];
      for (let i = 0; i < o.connections; i++) {
        const conn = new kuzu.Connection(db);
        await conn.init();
        if (o.timeoutMs > 0) conn.setQueryTimeout(o.timeoutMs);
        if (o.threadsPerQuery) conn.setMaxNumThreadForExec(o.threadsPerQuery);
        slots.push({ conn, statements: new Map(), busy: false });
      }
      return new KuzuFile(path, db, slots, o.timeoutMs);
    } catch (err) {
      await db?.close().catch(() => undefined);
      throw openError(path, err);
    }
  }

  /** A parameterised query; parameters the text does not mention are dropped (Kùzu rejects them). */
  query(text: string, params: Record<string, unknown> = {}): Promise<ResultRow[]> {
    const used: Record<string, unknown> = {};
    for (const [, name] of text.matchAll(PARAM_RE)) {
      const v = params[name!];
      // Kùzu 0.11 crashes the process on an empty list parameter: callers must skip such queries.
      if (Array.isArray(v) && v.length === 0) throw new StoreError('INTERNAL', `empty list parameter $${name} in a Kùzu query`);
      if (name! in params) used[name!] = v;
    }
    return this.onSlot(async (slot) => {
      let ps = slot.statements.get(text);
      if (!ps) {
        ps = await slot.conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        slot.statements.set(text, ps);
      }
      return drain(await slot.conn.execute(ps, used as Record<string, never>));
    });
  }

  /**
   * A whole-table read row by row (decoded as for query()), pausing every few thousand rows so
   * requests already being served keep their turn on the event loop.
   */
  scan(text: string, onRow: (row: ResultRow) => void): Promise<void> {
    return this.onSlot(async (slot) => {
      const result = await slot.conn.query(text);
      const results = Array.isArray(result) ? result : [result];
      let n = 0;
      try {
        const last = results[results.length - 1]!;
        while (last.hasNext()) {
          onRow(decodeRow(last.getNextSync()!));
          if (++n % SCAN_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        for (const r of results) r.close();
      }
    });
  }

  /** Unparameterised statements: DDL and the FTS procedures, which cannot be prepared. */
  exec(text: string): Promise<ResultRow[]> {
    return this.onSlot(async (slot) => drain(await slot.conn.query(text)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.running.size > 0) await Promise.all([...this.running].map((r) => r.catch(() => undefined)));
    for (const s of this.slots) await s.conn.close().catch(() => undefined);
    await this.db.close();
  }

  /** Runs `fn` on a free connection (one query at a time per connection), waiting for one if all are busy. */
  private async onSlot<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
    const free = this.slots.find((s) => !s.busy);
    const slot = free ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    slot.busy = true;
    const run = fn(slot);
    this.running.add(run);
    try {
      return await run;
    } catch (err) {
      throw queryError(err, this.timeoutMs);
    } finally {
      this.running.delete(run);
      const next = this.waiting.shift();
      if (next) next(slot);
      else slot.busy = false;
    }
  }
}

/**
 * Reads the last result and closes them all: a QueryResult finalised after its database closes crashes the process.
 * Rows are read synchronously: the result is already materialised when execute() resolves, and the
 * binding's async getAll() makes one libuv threadpool round trip per row, which under concurrent
 * requests queues behind other queries on the (4-thread) pool and dominated read latency.
 */
async function drain(result: QueryResult | QueryResult[]): Promise<ResultRow[]> {
  const results = Array.isArray(result) ? result : [result];
  try {
    return results[results.length - 1]!.getAllSync().map(decodeRow);
  } finally {
    for (const r of results) r.close();
  }
}

function decodeRow(row: Record<string, unknown>): ResultRow {
  const out: ResultRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = decode(v);
  return out;
}

interface KuzuId {
  offset: number;
  table: number;
}

const refOf = (id: KuzuId): string => `${id.table}:${id.offset}`;

/** Nodes become DecodedNode (ref = Kùzu's internal id), relationships carry their endpoints' refs. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object' && '_label' in v && '_id' in v) {
    const { _label, _id, _src, _dst, ...props } = v as Record<string, unknown>;
    if (_src) return { ...props, _label, _src: refOf(_src as KuzuId), _dst: refOf(_dst as KuzuId) };
    return new DecodedNode(String(_label), props, refOf(_id as KuzuId));
  }
  return v;
}

function openError(path: string, err: unknown): StoreError {
  const msg = messageOf(err);
  if (/lock/i.test(msg)) return new StoreError('LOCKED', `database ${path} is in use by another process (${msg})`, { cause: err });
  if (/not a valid Kuzu database|version/i.test(msg)) {
    return new StoreError('VERSION', `database ${path} cannot be read by Kùzu ${kuzu.Database.getVersion()}: ${msg}`, { cause: err });
  }
  return new StoreError('UNAVAILABLE', `cannot open database ${path}: ${msg}`, { cause: err });
}

function queryError(err: unknown, timeoutMs: number): StoreError {
  if (err instanceof StoreError) return err;
  const msg = messageOf(err);
  if (/^Interrupted/i.test(msg)) return new StoreError('TIMEOUT', `query timed out after ${timeoutMs} ms`, { cause: err });
  return new StoreError('INTERNAL', `embedded database: ${msg}`, { cause: err });
}
