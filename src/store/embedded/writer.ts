// A load into a new generation of the embedded database (a copy of the current one, or empty).
// Write strategy: upserts are checked at once and staged. Node rows are merged by id in memory
// (entities recur and gain aliases batch after batch); relationship rows new to the generation
// are spooled to JSON files on disk as they arrive. Commit writes everything once: nodes new to
// the generation by COPY from a JSON file per table, the few that already exist by UNWIND … SET,
// then each relationship file by COPY, then builds the FTS indexes, checkpoints, and publishes
// the generation; abort deletes it. A load that knows its papers up front hands them to
// prewrite() first, so their table is written while the rest is extracted.
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { NODE_LABELS, type GraphBatch, type NodeLabel } from '../../model/graph.ts';
import { NODE_COLUMNS, aliasText, mergeRows, prepareBatch, type RelGroup, type RelRow, type Row } from '../batch.ts';
import { label, relType } from '../cypher/queries.ts';
import { StoreError, messageOf } from '../errors.ts';
import { pendingMigrations, type AppliedMigration, type MigrationFile } from '../migrations.ts';
import type { GraphWriter, WriteSummary } from '../port.ts';
import type { DataDir } from './datadir.ts';
import { collectGarbage } from './collect-garbage.ts';
import { createFtsIndex, dropFtsIndexes, FTS_INDEXES } from './dialect.ts';
import { KuzuFile } from './kuzu.ts';
import { RelSpool, type SpooledFile } from './rel-spool.ts';
import { COLUMN_TYPES, MIGRATION_TABLE } from './schema.ts';
import type { Release } from './lock.ts';
import { trace } from './trace.ts';

const WRITER_BUFFER_POOL = 1024 * 1024 * 1024;
/**
 * Kùzu builds a full-text index in its buffer pool and fails outright when the pool is too small:
 * the 62 million characters of titles and abstracts of the 100k-paper synthetic corpus need
 * between 700 and 800 MiB, about 13 bytes a character. The pool for the index builds is sized
 * from the text with some headroom, within what the machine has.
 */
const FTS_POOL_BYTES_PER_CHAR = 16;
const MIN_FTS_POOL = 256 * 1024 * 1024;
const MAX_FTS_POOL = Math.floor(totalmem() * 0.75);

/** The buffer pool a full-text index over `chars` characters needs, within what the machine has. */
export function ftsPoolFor(chars: number): number {
  return Math.min(MAX_FTS_POOL, Math.max(MIN_FTS_POOL, chars * FTS_POOL_BYTES_PER_CHAR));
}

// COPY takes its file path as a literal; refuse paths that could break out of the quotes.
const SAFE_PATH = /^[^'\\\n\r]+$/;

export class GenerationWriter implements GraphWriter {
  /** Migrations this writer applied when it opened. */
  applied: AppliedMigration[] = [];
  /** Ids that were in the generation before this writer: only these nodes and their relationships can already exist. */
  private readonly base = new Map<NodeLabel, Set<string>>();
  /** Node rows of this load, merged by id, written at commit. */
  private readonly staged = new Map<NodeLabel, Map<string, Row>>(NODE_LABELS.map((l) => [l, new Map<string, Row>()]));
  /** Ids this writer has written to the generation (prewrite), by label. */
  private readonly written = new Map<NodeLabel, Set<string>>(NODE_LABELS.map((l) => [l, new Set<string>()]));
  private readonly spool: RelSpool;
  private state: 'open' | 'failed' | 'done' = 'open';
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: DataDir,
    private readonly generation: string,
    private db: KuzuFile,
    private readonly release: Release,
  ) {
    this.spool = new RelSpool(join(dir.generationDir(generation), 'spool'));
  }

  /** Takes ownership of `release` (the data-directory lock): it is released on commit, abort or failure to open. */
  static async open(dir: DataDir, release: Release, migrations: MigrationFile[]): Promise<GenerationWriter> {
    let generation: string | undefined;
    let db: KuzuFile | undefined;
    try {
      dir.removeStaleGenerations();
      generation = dir.newGeneration();
      if (!SAFE_PATH.test(dir.generationDir(generation))) {
        throw new StoreError('INVALID', `data directory path ${dir.root} must not contain quotes, backslashes or newlines`);
      }
      const current = dir.current();
      if (current && existsSync(dir.dbPath(current.generation))) copyFileSync(dir.dbPath(current.generation), dir.dbPath(generation));
      db = await openWriterDb(dir.dbPath(generation));
      const w = new GenerationWriter(dir, generation, db, release);
      await w.applyMigrations(migrations);
      await dropFtsIndexes(db);
      await w.loadBaseIds();
      return w;
    } catch (err) {
      await db?.close().catch(() => undefined);
      if (generation) rmSync(dir.generationDir(generation), { recursive: true, force: true });
      release();
      throw err;
    }
  }

  upsert(batch: GraphBatch): Promise<WriteSummary> {
    return this.serial(() => this.stage(batch));
  }

  /**
   * Upserts nodes ahead of the relationships that will point at them and writes their tables now,
   * while the caller extracts and upserts the rest. Kùzu keeps every buffer-pool page a COPY
   * touched resident, so the database is checkpointed and reopened after it: the pool is empty
   * again for the rest of the load. Later upserts may still add to or change these tables.
   */
  prewrite(batch: GraphBatch): Promise<WriteSummary> {
    return this.serial(async () => {
      const summary = await this.stage(batch);
      try {
        for (const l of NODE_LABELS) if (this.staged.get(l)!.size > 0) await this.writeTable(l);
        await this.reopen();
      } catch (err) {
        this.state = 'failed';
        throw err instanceof StoreError ? err : new StoreError('INTERNAL', `write failed: ${messageOf(err)}`, { cause: err });
      }
      return summary;
    });
  }

  private async reopen(bufferPoolBytes = WRITER_BUFFER_POOL): Promise<void> {
    const t = performance.now();
    await this.db.exec('CHECKPOINT');
    await this.db.close();
    this.db = await openWriterDb(this.dir.dbPath(this.generation), bufferPoolBytes);
    trace(`checkpoint and reopen with a ${Math.round(bufferPoolBytes / 2 ** 20)} MiB pool`, t);
  }

  /** The buffer pool the largest full-text index of the generation needs to be built. */
  private async ftsPoolBytes(): Promise<number> {
    let chars = 0;
    for (const l of NODE_LABELS) {
      const length = FTS_INDEXES[l].props.map((p) => `size(coalesce(n.${p}, ''))`).join(' + ');
      const [row] = await this.db.query(`MATCH (n:${label(l)}) RETURN sum(${length}) AS chars`);
      chars = Math.max(chars, Number(row?.chars ?? 0));
    }
    return ftsPoolFor(chars);
  }

  /**
   * Writes the rest of the load: each table gets one COPY. Kùzu checkpoints at the end of every
   * transaction holding a COPY, at a cost that grows with the tables already written, so copying
   * batch by batch made large loads quadratic. The full-text indexes come last, once nothing
   * else needs the buffer pool: the one over paper abstracts needs most of it (building it while
   * extraction ran made that the load's peak memory). Nothing is visible to readers before the
   * generation is published, and a failure deletes it: a load stays all or nothing.
   */
  commit(): Promise<void> {
    return this.serial(async () => {
      this.assertOpen();
      try {
        this.state = 'done';
        // What is left needs memory for Kùzu (the full-text index over paper abstracts above all)
        // and little for JavaScript: hand back what extraction left behind, then what staging did.
        collectGarbage();
        for (const l of NODE_LABELS) if (this.staged.get(l)!.size > 0) await this.writeTable(l);
        this.base.clear();
        this.written.clear();
        const files = this.spool.finish();
        collectGarbage();
        for (const f of files) await this.copyRelationships(f);
        // The index builds get a pool of their own size, not what the COPYs left resident.
        await this.reopen(await this.ftsPoolBytes());
        for (const l of NODE_LABELS) {
          const t = performance.now();
          await this.db.exec(createFtsIndex(l));
          trace(`FTS ${l}`, t);
        }
        const tc = performance.now();
        await this.db.exec('CHECKPOINT');
        trace('CHECKPOINT', tc);
        await this.db.close();
        rmSync(join(this.dir.generationDir(this.generation), 'spool'), { recursive: true, force: true });
        this.dir.publish(this.generation);
        this.removeStaleGenerations();
      } catch (err) {
        await this.discard();
        throw err instanceof StoreError ? err : new StoreError('INTERNAL', `commit failed: ${messageOf(err)}`, { cause: err });
      } finally {
        this.release();
      }
    });
  }

  /** Checks a batch and stages it: node rows merged by id in memory, new relationships spooled. */
  private async stage(batch: GraphBatch): Promise<WriteSummary> {
    this.assertOpen();
    const prepared = await prepareBatch(
      batch,
      async (l, ids) => new Set(ids.filter((id) => this.base.get(l)!.has(id) || this.staged.get(l)!.has(id) || this.written.get(l)!.has(id))),
    );
    const summary: WriteSummary = { nodes: 0, relationships: 0 };
    try {
      for (const [l, rows] of prepared.nodes) {
        const table = this.staged.get(l)!;
        for (const row of rows) {
          const prev = table.get(row.id as string);
          table.set(row.id as string, prev ? mergeRows(prev, row) : row);
        }
        summary.nodes += rows.length;
      }
      for (const g of prepared.rels) {
        // Counted as written once: a relationship restated in a later batch is not written again.
        summary.relationships += this.spool.append(g, await this.newRelationships(g));
      }
    } catch (err) {
      this.state = 'failed';
      throw err instanceof StoreError ? err : new StoreError('INTERNAL', `write failed: ${messageOf(err)}`, { cause: err });
    }
    return summary;
  }

  /** Best effort: the graph is already published, and the next writer removes what is left. */
  private removeStaleGenerations(): void {
    try {
      this.dir.removeStaleGenerations();
    } catch {
      // Left for the next load.
    }
  }

  abort(): Promise<void> {
    return this.serial(async () => {
      if (this.state === 'done') return;
      this.state = 'done';
      await this.discard();
      this.release();
    });
  }

  private async discard(): Promise<void> {
    this.spool.close();
    await this.db.close().catch(() => undefined);
    rmSync(this.dir.generationDir(this.generation), { recursive: true, force: true });
  }

  private assertOpen(): void {
    if (this.state === 'done') throw new StoreError('INVALID', 'this load was already committed or aborted');
    if (this.state === 'failed') throw new StoreError('INTERNAL', 'this load failed earlier and can only be aborted');
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyMigrations(files: MigrationFile[]): Promise<void> {
    await this.db.exec(MIGRATION_TABLE);
    const applied = (await this.db.query('MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.checksum AS checksum')).map(
      (r) => ({ version: String(r.version), name: String(r.name), checksum: String(r.checksum) }),
    );
    for (const f of pendingMigrations(files, applied)) {
      try {
        for (const statement of f.statements) await this.db.exec(statement);
        await this.db.query('CREATE (:Migration {version: $version, name: $name, checksum: $checksum, appliedAt: $at})', {
          version: f.version,
          name: f.name,
          checksum: f.checksum,
          at: new Date().toISOString(),
        });
      } catch (err) {
        throw new StoreError('MIGRATION', `migration ${f.file} failed: ${messageOf(err)}`, { cause: err });
      }
      this.applied.push({ version: f.version, name: f.name, checksum: f.checksum });
    }
  }

  private async loadBaseIds(): Promise<void> {
    for (const l of NODE_LABELS) {
      const ids = await this.db.query(`MATCH (n:${label(l)}) RETURN n.id AS id`);
      this.base.set(l, new Set(ids.map((r) => String(r.id))));
    }
  }

  /** Writes one table's staged rows: new to the generation by COPY, the others by update. */
  private async writeTable(l: NodeLabel): Promise<void> {
    const known = this.base.get(l)!;
    const written = this.written.get(l)!;
    const fresh: Row[] = [];
    const old: Row[] = [];
    for (const row of this.staged.get(l)!.values()) (known.has(row.id as string) || written.has(row.id as string) ? old : fresh).push(row);
    this.staged.get(l)!.clear();
    if (fresh.length) await this.copyRows(label(l), fresh.map((r) => this.columns(l, r)));
    if (old.length) await this.update(l, old);
    for (const r of fresh) written.add(r.id as string);
  }

  /** Drops relationships already in the copied generation (the spool drops those it already holds). */
  private async newRelationships(g: RelGroup): Promise<readonly RelRow[]> {
    const baseFrom = this.base.get(g.fromLabel)!;
    const baseTo = this.base.get(g.toLabel)!;
    if (baseFrom.size === 0 || baseTo.size === 0) return g.rows;
    let rows = this.spool.unspooled(g, g.rows);
    const maybeOld = rows.filter((r) => baseFrom.has(r.from) && baseTo.has(r.to));
    if (maybeOld.length) {
      const text = `UNWIND $ids AS i MATCH (a:${label(g.fromLabel)})-[:${relType(g.type)}]->(b:${label(g.toLabel)}) WHERE a.id = i RETURN a.id AS f, b.id AS t`;
      const existing = new Set(
        (await this.db.query(text, { ids: [...new Set(maybeOld.map((r) => r.from))] })).map((r) => `${String(r.f)}\u0000${String(r.t)}`),
      );
      rows = rows.filter((r) => !existing.has(`${r.from}\u0000${r.to}`));
    }
    return rows;
  }

  /**
   * Nodes that were in the generation: later non-null values win and aliases are unioned, as in
   * one batch. Rows that would not change are skipped: a reload restages every node, and Kùzu
   * updates are slow.
   */
  private async update(l: NodeLabel, rows: Row[]): Promise<void> {
    const cols = NODE_COLUMNS[l];
    const current = new Map<string, Row>();
    const found = await this.db.query(`UNWIND $ids AS i MATCH (n:${label(l)}) WHERE n.id = i RETURN n.*`, { ids: rows.map((r) => r.id) });
    for (const r of found) {
      const props = Object.fromEntries(cols.map((c) => [c, r[`n.${c}`]]));
      current.set(String(props.id), this.columns(l, props));
    }
    const changed: Row[] = [];
    for (const r of rows) {
      const before = current.get(r.id as string) ?? {};
      const merged = this.columns(l, mergeRows(before, r));
      if (JSON.stringify(merged) !== JSON.stringify(this.columns(l, before))) changed.push(merged);
    }
    if (changed.length === 0) return;
    const t = performance.now();
    const scalar = cols.filter((c) => c !== 'id' && c !== 'aliases');
    const set = scalar.map((c) => (COLUMN_TYPES[c] ? `n.${c} = CAST(r.${c} AS ${COLUMN_TYPES[c]})` : `n.${c} = r.${c}`)).join(', ');
    await this.db.query(`UNWIND $rows AS r MATCH (n:${label(l)}) WHERE n.id = r.id SET ${set}`, {
      rows: changed.map((m) => Object.fromEntries(['id', ...scalar].map((c) => [c, m[c]]))),
    });
    if (cols.includes('aliases')) {
      // Only grown alias lists are written: Kùzu cannot type a parameter whose lists are all empty.
      const grown = changed.filter((m) => (m.aliases as string[]).length > ((current.get(m.id as string)?.aliases as string[] | undefined)?.length ?? 0));
      if (grown.length) {
        await this.db.query(`UNWIND $rows AS r MATCH (n:${label(l)}) WHERE n.id = r.id SET n.aliases = r.aliases`, {
          rows: grown.map((m) => ({ id: m.id, aliases: m.aliases })),
        });
      }
    }
    trace(`UPDATE ${l} ${changed.length} rows`, t);
  }

  private columns(l: NodeLabel, r: Row): Row {
    const out: Row = {};
    for (const c of NODE_COLUMNS[l]) out[c] = r[c] ?? null;
    if ('aliasText' in out) out.aliasText = aliasText((r.aliases as string[]) ?? []);
    if ('aliases' in out) out.aliases = r.aliases ?? [];
    return out;
  }

  /** Node rows go through a JSON file too: it carries the alias lists. */
  private async copyRows(table: string, rows: Row[]): Promise<void> {
    const file = join(this.dir.generationDir(this.generation), `copy-${table}.json`);
    writeFileSync(file, JSON.stringify(rows));
    try {
      const t = performance.now();
      await this.db.exec(`COPY ${table} FROM '${file}'`);
      trace(`COPY ${table} ${rows.length} rows`, t);
    } finally {
      rmSync(file, { force: true });
    }
  }

  private async copyRelationships(f: SpooledFile): Promise<void> {
    const t = performance.now();
    await this.db.exec(`COPY ${relType(f.type)} FROM '${f.path}' (from='${label(f.fromLabel)}', to='${label(f.toLabel)}')`);
    trace(`COPY ${f.type} ${f.fromLabel}->${f.toLabel} ${f.rows} rows`, t);
    rmSync(f.path, { force: true });
  }
}

function openWriterDb(path: string, bufferPoolBytes = WRITER_BUFFER_POOL): Promise<KuzuFile> {
  return KuzuFile.open(path, { readOnly: false, bufferPoolBytes, connections: 1, timeoutMs: 0, autoCheckpoint: false });
}
