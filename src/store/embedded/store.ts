// The embedded GraphStore: reads follow the data directory's current generation (reopened
// read-only when a load publishes a new one), writes go through a GenerationWriter under the lock.
import type { Config } from '../../config/index.ts';
import type { GraphBatch } from '../../model/graph.ts';
import { CypherReads, type ResultRow } from '../cypher/reads.ts';
import { StoreError } from '../errors.ts';
import { migrationStatus, readMigrations } from '../migrations.ts';
import type { GraphStore, GraphWriter, MigrationStatus, WriteSummary } from '../port.ts';
import { DataDir } from './datadir.ts';
import { kuzuDialect } from './dialect.ts';
import { KuzuFile, readerConnections } from './kuzu.ts';
import { acquireLock } from './lock.ts';
import { GenerationWriter } from './writer.ts';

const READER_BUFFER_POOL = 512 * 1024 * 1024;
/** Kùzu threads per reader query: see KuzuOptions.threadsPerQuery. */
const READER_THREADS = 1;

interface Generation {
  name: string;
  db: KuzuFile;
  inflight: number;
  retired: boolean;
}

export interface EmbeddedOptions {
  readOnly: boolean;
  migrationsDir: string;
}

export class EmbeddedStore extends CypherReads implements GraphStore {
  readonly kind = 'embedded' as const;
  protected readonly dialect = kuzuDialect((text, params) => this.read(text, params));
  private readonly dir: DataDir;
  private gen: Generation | null = null;
  private stamp = '';
  private opening: Promise<void> | null = null;
  private closed = false;

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

  /** The current generation, reopened first if a load published a newer one since the last call. */
  private async acquire(): Promise<Generation> {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'the store is closed');
    const stamp = this.dir.pointerStamp();
    if (stamp !== this.stamp || !this.gen) {
      this.opening ??= this.follow(stamp).finally(() => {
        this.opening = null;
      });
      await this.opening;
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
      const old = this.gen;
      this.gen = { name: pointer.generation, db, inflight: 0, retired: false };
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
