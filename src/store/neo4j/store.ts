// The Neo4j GraphStore: shared Cypher reads in read transactions, each upsert one write transaction.
import type { Config } from '../../config/index.ts';
import type { GraphBatch } from '../../model/graph.ts';
import { prepareBatch } from '../batch.ts';
import { Q } from '../cypher/queries.ts';
import { CypherReads, type ResultRow } from '../cypher/reads.ts';
import { StoreError } from '../errors.ts';
import { migrationStatus, pendingMigrations, readMigrations } from '../migrations.ts';
import type { GraphStore, GraphWriter, MigrationStatus, WriteSummary } from '../port.ts';
import { Neo4jClient } from './client.ts';
import { neo4jDialect } from './dialect.ts';
import { writeStatements } from './writes.ts';

const MIGRATION_CONSTRAINT = 'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE';

export class Neo4jStore extends CypherReads implements GraphStore {
  readonly kind = 'neo4j' as const;
  protected readonly dialect = neo4jDialect((text, params) => this.read(text, params));

  private constructor(
    private readonly client: Neo4jClient,
    private readonly opts: { readOnly: boolean; migrationsDir: string },
  ) {
    super();
  }

  static async connect(config: Config, opts: { readOnly: boolean; migrationsDir: string }): Promise<Neo4jStore> {
    const { uri, user, password, database } = config.neo4j;
    if (!uri) throw new StoreError('UNAVAILABLE', 'the neo4j store needs NEO4J_URI (e.g. neo4j://localhost:7687)');
    const client = await Neo4jClient.connect({ uri, user, password, database, timeoutMs: config.queryTimeoutMs });
    return new Neo4jStore(client, opts);
  }

  read(text: string, params: Record<string, unknown> = {}): Promise<ResultRow[]> {
    return this.client.read(text, params);
  }

  async migrationStatus(): Promise<MigrationStatus> {
    return migrationStatus(readMigrations(this.opts.migrationsDir), await this.applied());
  }

  async migrate(): Promise<MigrationStatus['applied']> {
    this.assertWritable();
    await this.client.schema(MIGRATION_CONSTRAINT);
    const done: MigrationStatus['applied'] = [];
    for (const f of pendingMigrations(readMigrations(this.opts.migrationsDir), await this.applied())) {
      try {
        for (const statement of f.statements) await this.client.schema(statement);
      } catch (err) {
        throw new StoreError('MIGRATION', `migration ${f.file} failed: ${(err as Error).message}`, { cause: err });
      }
      await this.client.write((run) =>
        run('CREATE (:Migration {version: $version, name: $name, checksum: $checksum, appliedAt: $at})', {
          version: f.version,
          name: f.name,
          checksum: f.checksum,
          at: new Date().toISOString(),
        }),
      );
      done.push({ version: f.version, name: f.name, checksum: f.checksum });
    }
    return done;
  }

  async writer(): Promise<GraphWriter> {
    this.assertWritable();
    await this.migrate();
    return {
      upsert: (batch) => this.upsert(batch),
      commit: async () => undefined,
      abort: async () => undefined,
    };
  }

  async upsert(batch: GraphBatch): Promise<WriteSummary> {
    this.assertWritable();
    const prepared = await prepareBatch(batch, async (l, ids) => {
      const rows = await this.read(Q.existingIds(l), { ids });
      return new Set(rows.map((r) => String(r.id)));
    });
    await this.client.write(async (run) => {
      for (const s of writeStatements(prepared)) await run(s.text, s.params);
    });
    return {
      nodes: [...prepared.nodes.values()].reduce((n, rows) => n + rows.length, 0),
      relationships: prepared.rels.reduce((n, g) => n + g.rows.length, 0),
    };
  }

  async graphVersion(): Promise<string> {
    return '';
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async applied(): Promise<MigrationStatus['applied']> {
    const rows = await this.read('MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.checksum AS checksum');
    return rows.map((r) => ({ version: String(r.version), name: String(r.name), checksum: String(r.checksum) }));
  }

  private assertWritable(): void {
    if (this.opts.readOnly) throw new StoreError('READ_ONLY', 'the Neo4j store was opened read-only');
  }
}
