// The embedded GraphStore: reads follow the data directory's current generation (reopened
// read-only when a load publishes a new one), writes go through a GenerationWriter under the lock.
// With the memory read model, each generation is also copied into memory when opened and the
// port's reads are answered from that copy (generations never change once published); Kùzu then
// keeps the writes, migrations and the copy's source.
import type { Config } from '../../config/index.ts';
import type { GraphBatch, NodeLabel, RelType } from '../../model/graph.ts';
import { CypherReads, type ResultRow } from '../cypher/reads.ts';
import { StoreError } from '../errors.ts';
import { migrationStatus, readMigrations } from '../migrations.ts';
import { MemoryReads } from '../memory/reads.ts';
import type { Direction, GraphStore, GraphWriter, ListQuery, MigrationStatus, WriteSummary } from '../port.ts';
import type { LineageOptions } from '../read-logic.ts';
import { DataDir } from './datadir.ts';
import { kuzuDialect } from './dialect.ts';
import { KuzuFile, readerConnections } from './kuzu.ts';
import { acquireLock } from './lock.ts';
import { readMemoryGraph } from './snapshot.ts';
import { GenerationWriter } from './writer.ts';

const READER_BUFFER_POOL = 512 * 1024 * 1024;
/** How stale graphVersion() may be on a read-only store. */
const VERSION_CHECK_MS = 100;
/** Kùzu threads per reader query: see KuzuOptions.threadsPerQuery. */
const READER_THREADS = 1;

interface Generation {
  name: string;
  db: KuzuFile;
  /** The generation copied into memory (memory read model only). */
  memory: MemoryReads | null;
  inflight: number;
  retired: boolean;
}

/** `database`: every read is a Kùzu query. `memory`: reads are answered from an in-memory copy. */
export type ReadModel = 'database' | 'memory';

export interface EmbeddedOptions {
  readOnly: boolean;
  migrationsDir: string;
  readModel?: ReadModel;
}

type MemoryRead<T> = (m: MemoryReads) => Promise<T>;

export class EmbeddedStore extends CypherReads implements GraphStore {
  readonly kind = 'embedded' as const;
  protected readonly dialect = kuzuDialect((text, params) => this.read(text, params));
  private readonly dir: DataDir;
  private gen: Generation | null = null;
  private stamp = '';
  private opening: Promise<void> | null = null;
  private closed = false;
  private versionCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: Config,
    private readonly opts: EmbeddedOptions,
  ) {
    super();
    this.dir = new DataDir(config.dataDir);
    this.dir.checkFormat();
  }

  async read(text: string, params: Record<string, unknown> = {}): Promise<ResultRow[]> {
    const gen = await this.acquire();
    try {
      return await gen.db.query(text, params);
    } finally {
      this.releaseGen(gen);
    }
  }

  override nodesByIds(ids: readonly string[]) {
    return this.answer((m) => m.nodesByIds(ids), () => super.nodesByIds(ids));
  }

  override neighbours(ids: readonly string[], type: RelType, direction: Direction, opts?: { labels?: NodeLabel[] }) {
    return this.answer((m) => m.neighbours(ids, type, direction, opts), () => super.neighbours(ids, type, direction, opts));
  }

  override paperCounts(ids: readonly string[]) {
    return this.answer((m) => m.paperCounts(ids), () => super.paperCounts(ids));
  }

  override list(query: ListQuery) {
    return this.answer((m) => m.list(query), () => super.list(query));
  }

  override search(query: string, opts: { labels?: NodeLabel[]; limit: number }) {
    return this.answer((m) => m.search(query, opts), () => super.search(query, opts));
  }

  override lineage(id: string, opts: LineageOptions) {
    return this.answer((m) => m.lineage(id, opts), () => super.lineage(id, opts));
  }

  override shortestPath(from: string, to: string, opts: { maxHops: number }) {
    return this.answer((m) => m.shortestPath(from, to, opts), () => super.shortestPath(from, to, opts));
  }

  override relatedMethods(id: string, limit: number) {
    return this.answer((m) => m.relatedMethods(id, limit), () => super.relatedMethods(id, limit));
  }

  override counts() {
    return this.answer((m) => m.counts(), () => super.counts());
  }

  override trends(by: 'YEAR' | 'MONTH', conceptId?: string) {
    return this.answer((m) => m.trends(by, conceptId), () => super.trends(by, conceptId));
  }

  async migrationStatus(): Promise<MigrationStatus> {
    return migrationStatus(readMigrations(this.opts.migrationsDir), await this.appliedMigrations());
  }

  async migrate(): Promise<MigrationStatus['applied']> {
    const status = await this.migrationStatus();
    if (status.pending.length === 0) return [];
    const w = await this.openWriter();
    await w.commit();
    return w.applied;
  }

  writer(): Promise<GraphWriter> {
    return this.openWriter();
  }

  async upsert(batch: GraphBatch): Promise<WriteSummary> {
    const w = await this.openWriter();
    try {
      const summary = await w.upsert(batch);
      await w.commit();
      return summary;
    } catch (err) {
      await w.abort();
      throw err;
    }
  }

  async graphVersion(): Promise<string> {
    // Asked on every request (cache keys): a serving store looks at the pointer file at most every
    // VERSION_CHECK_MS here (reads still look each time), so a load shows within that time.
    const now = performance.now();
    if (this.opts.readOnly && this.gen && !this.opening && now - this.versionCheckedAt < VERSION_CHECK_MS) return this.gen.name;
    this.versionCheckedAt = now;
    const gen = await this.acquire();
    this.releaseGen(gen);
    return gen.name;
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.opening?.catch(() => undefined);
    const gen = this.gen;
    this.gen = null;
    if (gen) {
      gen.retired = true;
      if (gen.inflight === 0) await gen.db.close();
    }
  }

  private async openWriter(): Promise<GenerationWriter> {
    if (this.opts.readOnly) throw new StoreError('READ_ONLY', `the store on ${this.dir.root} was opened read-only`);
    this.dir.ensure();
    const release = acquireLock(this.dir.lockPath, this.dir.root);
    return GenerationWriter.open(this.dir, release, readMigrations(this.opts.migrationsDir));
  }

  private async appliedMigrations(): Promise<MigrationStatus['applied']> {
    if (!this.dir.current()) return [];
    const rows = await this.read('MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.checksum AS checksum');
    return rows.map((r) => ({ version: String(r.version), name: String(r.name), checksum: String(r.checksum) }));
  }

  /** Answers from the generation's in-memory copy with the memory read model, else with Kùzu queries. */
  private async answer<T>(fromMemory: MemoryRead<T>, fromDatabase: () => Promise<T>): Promise<T> {
    if (this.readModel !== 'memory') return fromDatabase();
    const gen = await this.acquire();
    try {
      return await fromMemory(gen.memory!);
    } finally {
      this.releaseGen(gen);
    }
  }

  private get readModel(): ReadModel {
    return this.opts.readModel ?? 'database';
  }

  /**
   * The current generation, reopened first if a load published a newer one since the last call.
   * A read-only store with the memory read model keeps answering from the generation it has while
   * the next one is copied into memory (seconds at 100k papers), and switches once it is ready.
   */
  private async acquire(): Promise<Generation> {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'the store is closed');
    const stamp = this.dir.pointerStamp();
    if (stamp !== this.stamp || !this.gen) {
      this.opening ??= this.follow(stamp).finally(() => {
        this.opening = null;
      });
      if (this.gen && this.readModel === 'memory' && this.opts.readOnly) this.opening.catch(() => undefined);
      else await this.opening;
    }
    const gen = this.gen;
    if (!gen) throw new StoreError('UNAVAILABLE', `no graph in ${this.dir.root} yet: run kg load first`);
    gen.inflight++;
    return gen;
  }

  private async follow(stamp: string): Promise<void> {
    const pointer = this.dir.current();
    if (pointer && pointer.generation !== this.gen?.name) {
      const db = await KuzuFile.open(this.dir.dbPath(pointer.generation), {
        readOnly: true,
        bufferPoolBytes: READER_BUFFER_POOL,
        connections: readerConnections(),
        threadsPerQuery: READER_THREADS,
        timeoutMs: this.config.queryTimeoutMs,
        autoCheckpoint: true,
      });
      let memory: MemoryReads | null = null;
      if (this.readModel === 'memory') {
        try {
          memory = new MemoryReads(await readMemoryGraph(db));
          await memory.warm();
        } catch (err) {
          await db.close();
          throw err;
        }
      }
      const old = this.gen;
      this.gen = { name: pointer.generation, db, memory, inflight: 0, retired: false };
      if (old) {
        old.retired = true;
        if (old.inflight === 0) await old.db.close();
      }
    }
    this.stamp = stamp;
  }

  private releaseGen(gen: Generation): void {
    gen.inflight--;
    if (gen.retired && gen.inflight === 0) void gen.db.close().catch(() => undefined);
  }
}
