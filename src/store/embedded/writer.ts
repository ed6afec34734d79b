// A load into a new generation of the embedded database (a copy of the current one, or empty).
// Write strategy: upserts are checked at once and staged (merged by id); every FLUSH_PAPERS papers
// and at commit the staged rows are written: rows new to the generation are bulk-loaded with COPY
// from a JSON file (≈100k rows/s), the few nodes that already exist are updated with UNWIND … SET,
// and relationships that may already exist are looked up and skipped. Commit flushes, builds the
// FTS indexes, checkpoints, and publishes the generation; abort deletes it.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_LABELS, type GraphBatch, type NodeLabel } from '../../model/graph.ts';
import { NODE_COLUMNS, aliasText, mergeRows, prepareBatch, type PreparedBatch, type RelGroup, type RelRow, type Row } from '../batch.ts';
import { label, relType } from '../cypher/queries.ts';
import { StoreError, messageOf } from '../errors.ts';
import { pendingMigrations, type AppliedMigration, type MigrationFile } from '../migrations.ts';
import type { GraphWriter, WriteSummary } from '../port.ts';
import type { DataDir } from './datadir.ts';
import { createFtsIndexes, dropFtsIndexes } from './dialect.ts';
import { KuzuFile } from './kuzu.ts';
import { COLUMN_TYPES, MIGRATION_TABLE } from './schema.ts';
import type { Release } from './lock.ts';

// Building the FTS index over 100k papers' abstracts needs more than 512 MiB of buffer pool.
const WRITER_BUFFER_POOL = 1024 * 1024 * 1024;
/** Papers staged before a flush writes them (see flush()); KG_WRITER_FLUSH_PAPERS overrides it. */
const FLUSH_PAPERS = Number(process.env.KG_WRITER_FLUSH_PAPERS) || 25_000;
/** KG_WRITER_TRACE=1: time every COPY, flush, checkpoint and the FTS build on stderr. */
const TRACE = process.env.KG_WRITER_TRACE === '1';
const t0 = performance.now();
function trace(what: string, since: number): void {
  if (TRACE) process.stderr.write(`[writer] ${what} ${(performance.now() - since).toFixed(0)} ms (t=${((performance.now() - t0) / 1000).toFixed(1)} s, rss=${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)\n`);
}
// COPY takes its file path as a literal; refuse paths that could break out of the quotes.
const SAFE_PATH = /^[^'\\\n\r]+$/;

export class GenerationWriter implements GraphWriter {
  /** Migrations this writer applied when it opened. */
  applied: AppliedMigration[] = [];
  private readonly known = new Map<NodeLabel, Set<string>>(NODE_LABELS.map((l) => [l, new Set<string>()]));
  /** Ids that were in the generation before this writer: only their relationships can already exist. */
  private readonly base = new Map<NodeLabel, Set<string>>();
  private readonly relKeys = new Set<string>();
  /** Current rows of non-paper nodes this writer has seen, and digests of papers' rows (abstracts are large). */
  private readonly rowCache = new Map<string, Row>();
  private readonly paperDigests = new Map<string, string>();
  private state: 'open' | 'failed' | 'done' = 'open';
  private tmpCount = 0;
  /** Checked rows not yet written: upserts are staged and written FLUSH_PAPERS papers at a time. */
  private staged: Stage = emptyStage();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: DataDir,
    private readonly generation: string,
    private readonly db: KuzuFile,
    private readonly release: Release,
  ) {}

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
      db = await KuzuFile.open(dir.dbPath(generation), {
        readOnly: false,
        bufferPoolBytes: WRITER_BUFFER_POOL,
        connections: 1,
        timeoutMs: 0,
        autoCheckpoint: false,
      });
      const w = new GenerationWriter(dir, generation, db, release);
      await w.applyMigrations(migrations);
      await dropFtsIndexes(db);
      await w.loadKnownIds();
      return w;
    } catch (err) {
      await db?.close().catch(() => undefined);
      if (generation) rmSync(dir.generationDir(generation), { recursive: true, force: true });
      release();
      throw err;
    }
  }

  upsert(batch: GraphBatch): Promise<WriteSummary> {
    return this.serial(async () => {
      this.assertOpen();
      const tp = performance.now();
      const staged = this.staged;
      const prepared = await prepareBatch(
        batch,
        async (l, ids) => new Set(ids.filter((id) => this.known.get(l)!.has(id) || staged.nodes.get(l)?.has(id))),
      );
      trace('prepare', tp);
      const summary: WriteSummary = {
        nodes: [...prepared.nodes.values()].reduce((n, rows) => n + rows.length, 0),
        relationships: prepared.rels.reduce((n, g) => n + g.rows.length, 0),
      };
      this.stage(prepared);
      if (this.staged.papers >= FLUSH_PAPERS) await this.flush();
      return summary;
    });
  }

  commit(): Promise<void> {
    return this.serial(async () => {
      this.assertOpen();
      try {
        await this.flush();
        this.state = 'done';
        let t = performance.now();
        await createFtsIndexes(this.db);
        trace('FTS', t);
        t = performance.now();
        await this.db.exec('CHECKPOINT');
        trace('CHECKPOINT', t);
        await this.db.close();
        this.dir.publish(this.generation);
        this.removeStaleGenerations();
      } catch (err) {
        this.state = 'done';
        await this.discard();
        throw err instanceof StoreError ? err : new StoreError('INTERNAL', `commit failed: ${messageOf(err)}`, { cause: err });
      } finally {
        this.release();
      }
    });
  }

  /** Adds a checked batch to the rows waiting for the next flush, merged by id as within one batch. */
  private stage(batch: PreparedBatch): void {
    for (const [l, rows] of batch.nodes) {
      let table = this.staged.nodes.get(l);
      if (!table) this.staged.nodes.set(l, (table = new Map()));
      for (const row of rows) {
        const id = row.id as string;
        const prev = table.get(id);
        if (!prev && l === 'Paper') this.staged.papers++;
        table.set(id, prev ? mergeRows(prev, row) : row);
      }
    }
    for (const g of batch.rels) {
      const gkey = `${g.type}\u0000${g.fromLabel}\u0000${g.toLabel}`;
      let group = this.staged.rels.get(gkey);
      if (!group) this.staged.rels.set(gkey, (group = { group: { ...g, rows: [] }, rows: new Map() }));
      for (const r of g.rows) {
        const key = `${r.from}\u0000${r.to}`;
        const prev = group.rows.get(key);
        if (prev) {
          prev.evidence ??= r.evidence;
          prev.paperId ??= r.paperId;
          prev.outcome ??= r.outcome;
        } else group.rows.set(key, { ...r });
      }
    }
  }

  /**
   * Writes the staged rows. Kùzu checkpoints at the end of every transaction holding a COPY, and
   * that costs time in proportion to the tables written so far (relationship CSR regions and the
   * primary-key index are rewritten), so per-batch transactions made a 100k-paper load quadratic
   * (commits of 0.2 s growing to 30 s); one explicit transaction around a large flush instead keeps
   * every copied row in the buffer pool until COMMIT and overflows it. So the writer stages
   * batches, copies each table once per flush in auto-committed statements, and checkpoints.
   * Nothing is visible to readers before commit() publishes the generation, and a failed flush
   * leaves the writer failed, so abort() deletes the partial generation: a load stays all or nothing.
   */
  private async flush(): Promise<void> {
    const staged = this.staged;
    if (staged.nodes.size === 0 && staged.rels.size === 0) return;
    this.staged = emptyStage();
    const batch: PreparedBatch = {
      nodes: new Map([...staged.nodes].map(([l, table]) => [l, [...table.values()]])),
      rels: [...staged.rels.values()].map((g) => ({ ...g.group, rows: [...g.rows.values()] })),
    };
    let written: { nodes: [NodeLabel, string[]][]; rels: string[]; remember: Remember[] };
    try {
      const tw = performance.now();
      ({ written } = await this.write(batch));
      trace(`write ${staged.papers} papers`, tw);
      const tk = performance.now();
      await this.db.exec('CHECKPOINT');
      trace('CHECKPOINT', tk);
    } catch (err) {
      this.state = 'failed';
      throw err instanceof StoreError ? err : new StoreError('INTERNAL', `write failed: ${messageOf(err)}`, { cause: err });
    }
    for (const [l, ids] of written.nodes) for (const id of ids) this.known.get(l)!.add(id);
    for (const k of written.rels) this.relKeys.add(k);
    this.remember(written.remember);
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

  private async loadKnownIds(): Promise<void> {
    for (const l of NODE_LABELS) {
      const ids = await this.db.query(`MATCH (n:${label(l)}) RETURN n.id AS id`);
      for (const r of ids) this.known.get(l)!.add(String(r.id));
      this.base.set(l, new Set(this.known.get(l)));
    }
  }

  private async write(batch: PreparedBatch) {
    const summary: WriteSummary = { nodes: 0, relationships: 0 };
    const written = { nodes: [] as [NodeLabel, string[]][], rels: [] as string[], remember: [] as Remember[] };
    for (const [l, rows] of batch.nodes) {
      const known = this.known.get(l)!;
      const fresh = rows.filter((r) => !known.has(r.id as string));
      const old = rows.filter((r) => known.has(r.id as string));
      if (fresh.length) {
        const cols = fresh.map((r) => this.columns(l, r));
        await this.copy(label(l), cols, '');
        for (const c of cols) written.remember.push([l, c]);
      }
      if (old.length) await this.update(l, old, written.remember);
      written.nodes.push([l, fresh.map((r) => r.id as string)]);
      summary.nodes += rows.length;
    }
    for (const g of batch.rels) {
      const rows = await this.newRelationships(g);
      if (rows.length) {
        const options = ` (from='${label(g.fromLabel)}', to='${label(g.toLabel)}')`;
        await this.copy(relType(g.type), rows, options);
      }
      for (const r of rows) written.rels.push(relKey(g, r.from, r.to));
      summary.relationships += g.rows.length;
    }
    return { summary, written };
  }

  /** Drops relationships this writer already wrote, and those already in the copied generation. */
  private async newRelationships(g: RelGroup) {
    const candidates = g.rows.filter((r) => !this.relKeys.has(relKey(g, r.from, r.to)));
    const baseFrom = this.base.get(g.fromLabel)!;
    const baseTo = this.base.get(g.toLabel)!;
    const maybeOld = candidates.filter((r) => baseFrom.has(r.from) && baseTo.has(r.to));
    if (maybeOld.length === 0) return candidates;
    const text = `UNWIND $ids AS i MATCH (a:${label(g.fromLabel)})-[:${relType(g.type)}]->(b:${label(g.toLabel)}) WHERE a.id = i RETURN a.id AS f, b.id AS t`;
    const existing = new Set(
      (await this.db.query(text, { ids: [...new Set(maybeOld.map((r) => r.from))] })).map((r) => `${String(r.f)}\u0000${String(r.t)}`),
    );
    return candidates.filter((r) => !existing.has(`${r.from}\u0000${r.to}`));
  }

  /**
   * Existing nodes: later non-null values win and aliases are unioned, as in one batch. Rows that
   * would not change are skipped: entities recur in every batch of a load, and Kùzu updates are slow.
   */
  private async update(l: NodeLabel, rows: Row[], remember: Remember[]): Promise<void> {
    const cols = NODE_COLUMNS[l];
    const current = new Map<string, Row>();
    const unknown: string[] = [];
    const pending: Row[] = [];
    for (const r of rows) {
      const id = r.id as string;
      if (l === 'Paper' && this.paperDigests.get(id) === digest(this.columns(l, r))) continue;
      const cached = this.rowCache.get(id);
      if (cached) current.set(id, cached);
      else unknown.push(id);
      pending.push(r);
    }
    if (unknown.length) {
      const found = await this.db.query(`UNWIND $ids AS i MATCH (n:${label(l)}) WHERE n.id = i RETURN n.*`, { ids: unknown });
      for (const r of found) {
        const props = Object.fromEntries(cols.map((c) => [c, r[`n.${c}`]]));
        current.set(String(props.id), this.columns(l, props));
      }
    }
    const changed: Row[] = [];
    for (const r of pending) {
      const before = current.get(r.id as string) ?? {};
      const merged = this.columns(l, mergeRows(before, r));
      remember.push([l, merged]);
      if (JSON.stringify(merged) !== JSON.stringify(this.columns(l, before))) changed.push(merged);
    }
    if (changed.length === 0) return;
    const scalar = cols.filter((c) => c !== 'id' && c !== 'aliases');
    const set = scalar.map((c) => (COLUMN_TYPES[c] ? `n.${c} = CAST(r.${c} AS ${COLUMN_TYPES[c]})` : `n.${c} = r.${c}`)).join(', ');
    await this.db.query(`UNWIND $rows AS r MATCH (n:${label(l)}) WHERE n.id = r.id SET ${set}`, {
      rows: changed.map((m) => Object.fromEntries(['id', ...scalar].map((c) => [c, m[c]]))),
    });
    if (!cols.includes('aliases')) return;
    // Only grown alias lists are written: Kùzu cannot type a parameter whose lists are all empty.
    const grown = changed.filter((m) => (m.aliases as string[]).length > ((current.get(m.id as string)?.aliases as string[] | undefined)?.length ?? 0));
    if (grown.length) {
      await this.db.query(`UNWIND $rows AS r MATCH (n:${label(l)}) WHERE n.id = r.id SET n.aliases = r.aliases`, {
        rows: grown.map((m) => ({ id: m.id, aliases: m.aliases })),
      });
    }
  }

  /** After a committed upsert: what the generation now holds, so the next upsert can skip unchanged rows. */
  private remember(entries: Remember[]): void {
    for (const [l, row] of entries) {
      if (l === 'Paper') this.paperDigests.set(row.id as string, digest(row));
      else this.rowCache.set(row.id as string, row);
    }
  }

  private columns(l: NodeLabel, r: Row): Row {
    const out: Row = {};
    for (const c of NODE_COLUMNS[l]) out[c] = r[c] ?? null;
    if ('aliasText' in out) out.aliasText = aliasText((r.aliases as string[]) ?? []);
    if ('aliases' in out) out.aliases = r.aliases ?? [];
    return out;
  }

  private async copy(table: string, rows: object[], options: string): Promise<void> {
    const file = join(this.dir.generationDir(this.generation), `copy-${this.tmpCount++}.json`);
    writeFileSync(file, JSON.stringify(rows));
    try {
      const t = performance.now();
      await this.db.exec(`COPY ${table} FROM '${file}'${options}`);
      trace(`COPY ${table} ${rows.length} rows`, t);
    } finally {
      rmSync(file, { force: true });
    }
  }
}

type Remember = [NodeLabel, Row];

interface Stage {
  nodes: Map<NodeLabel, Map<string, Row>>;
  rels: Map<string, { group: RelGroup; rows: Map<string, RelRow> }>;
  papers: number;
}

function emptyStage(): Stage {
  return { nodes: new Map(), rels: new Map(), papers: 0 };
}

function digest(row: Row): string {
  return createHash('sha1').update(JSON.stringify(row)).digest('base64');
}

function relKey(g: RelGroup, from: string, to: string): string {
  return `${g.type}\u0000${from}\u0000${to}`;
}
