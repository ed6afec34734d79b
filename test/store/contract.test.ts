// The GraphStore contract, run against the embedded store always and against Neo4j when NEO4J_URI is set.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import { defaultMigrationsDir } from '../../src/store/migrations.ts';
import type { GraphStore } from '../../src/store/port.ts';
import { COUNTS_A, corpusA, corpusB, danglingBatch, invalidBatch } from './fixtures.ts';

export interface Harness {
  kind: 'embedded' | 'neo4j';
  /** An empty store; migrated unless `migrate: false`. */
  fresh(opts?: { migrationsDir?: string; migrate?: boolean }): Promise<GraphStore>;
  /** A harmless second migration in this store's dialect. */
  extraMigration: string;
  cleanup(): Promise<void>;
}

const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function embeddedHarness(readModel: 'database' | 'memory'): Harness {
  return {
    kind: 'embedded',
    async fresh(opts = {}) {
      const config = loadConfig({ store: 'embedded', dataDir: join(tempDir('kg-contract-'), 'kg') });
      const store = await openStore(config, { migrationsDir: opts.migrationsDir, readModel });
      if (opts.migrate !== false) await store.migrate();
      return store;
    },
    extraMigration: 'CREATE NODE TABLE ContractProbe(id STRING PRIMARY KEY);\n',
    async cleanup() {},
  };
}

function neo4jConfig(): Config {
  return loadConfig({ store: 'neo4j' });
}

const neo4jHarness: Harness = {
  kind: 'neo4j',
  async fresh(opts = {}) {
    const { default: neo4j } = await import('neo4j-driver');
    const c = neo4jConfig();
    const driver = neo4j.driver(c.neo4j.uri!, neo4j.auth.basic(c.neo4j.user, c.neo4j.password));
    try {
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: c.neo4j.database });
      await driver.executeQuery('DROP INDEX contract_probe IF EXISTS', {}, { database: c.neo4j.database });
    } finally {
      await driver.close();
    }
    const store = await openStore(c, { migrationsDir: opts.migrationsDir });
    if (opts.migrate !== false) await store.migrate();
    return store;
  },
  extraMigration: 'CREATE INDEX contract_probe IF NOT EXISTS FOR (n:Paper) ON (n.url);\n',
  async cleanup() {},
};

function migrationsCopy(h: Harness): string {
  const dir = tempDir('kg-migrations-');
  const src = defaultMigrationsDir(h.kind);
  for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dir, f));
  writeFileSync(join(dir, 'V002__contract_probe.cypher'), h.extraMigration);
  return dir;
}

async function failure(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).not.toMatch(/\n/);
    return err as StoreError;
  }
  throw new Error('expected the call to fail');
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

export function storeContract(h: Harness): void {
  describe('migrations', () => {
    it('applies pending migrations in order exactly once and records checksums', async () => {
      const dir = migrationsCopy(h);
      const store = await h.fresh({ migrationsDir: dir, migrate: false });
      try {
        const before = await store.migrationStatus();
        expect(before.applied).toEqual([]);
        expect(before.pending.map((p) => p.version)).toEqual(['001', '002']);
        const applied = await store.migrate();
        expect(applied.map((a) => a.version)).toEqual(['001', '002']);
        expect(applied[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.migrate()).toEqual([]);
        const after = await store.migrationStatus();
        expect(after.applied.map((a) => a.name)).toEqual(['graph_schema', 'contract_probe']);
        expect(after.pending).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('refuses an applied migration file that was edited, naming the file', async () => {
      const dir = migrationsCopy(h);
      const store = await h.fresh({ migrationsDir: dir, migrate: false });
      try {
        await store.migrate();
        appendFileSync(join(dir, 'V002__contract_probe.cypher'), '// edited\n');
        const err = await failure(store.migrationStatus());
        expect(err.code).toBe('MIGRATION');
        expect(err.message).toContain('V002__contract_probe.cypher');
        expect((await failure(store.migrate())).code).toBe('MIGRATION');
      } finally {
        await store.close();
      }
    });
  });

  describe('migrations by a load', () => {
    it('a writer applies pending migrations before its load', async () => {
      const store = await h.fresh({ migrate: false });
      try {
        expect((await store.migrationStatus()).pending.length).toBeGreaterThan(0);
        const w = await store.writer();
        await w.upsert(corpusA());
        await w.commit();
        expect((await store.migrationStatus()).pending).toEqual([]);
        expect(await store.counts()).toEqual(COUNTS_A);
      } finally {
        await store.close();
      }
    });
  });

  describe('writes', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await h.fresh();
    });
    afterAll(() => store.close());

    it('upserting the same batch twice leaves identical counts', async () => {
      const first = await store.upsert(corpusA());
      expect(first.nodes).toBe(18);
      expect(await store.counts()).toEqual(COUNTS_A);
      await store.upsert(corpusA());
      expect(await store.counts()).toEqual(COUNTS_A);
    });

    it('writes nothing of a batch with a forbidden relationship', async () => {
      const err = await failure(store.upsert(invalidBatch()));
      expect(err.code).toBe('INVALID');
      expect(err.message).toContain('BUILDS_ON method:ghost -> model:llama-2-7b');
      expect(await store.nodesByIds(['paper:broken', 'method:ghost'])).toEqual([null, null]);
      expect(await store.counts()).toEqual(COUNTS_A);
    });

    it('writes nothing of a batch with a relationship to a missing node', async () => {
      const err = await failure(store.upsert(danglingBatch()));
      expect(err.message).toContain('method:does-not-exist');
      expect(await store.nodesByIds(['paper:dangling'])).toEqual([null]);
    });

    it('merges a second corpus by id and unions aliases', async () => {
      await store.upsert(corpusB());
      const [fa] = await store.nodesByIds(['method:flashattention']);
      expect(fa && 'aliases' in fa ? [...fa.aliases].sort() : null).toEqual(['FA', 'FlashAttn']);
      const counts = await store.counts();
      expect(counts.nodes.Paper).toBe(5);
      expect(counts.nodes.Method).toBe(6);
      expect(counts.relationships.MENTIONS).toBe(8);
      expect((await store.paperCounts(['method:flashattention'])).get('method:flashattention')).toBe(3);
    });

    it('a writer commits several batches together', async () => {
      const w = await store.writer();
      await w.upsert({ ...corpusB(), papers: [], relationships: [] });
      await w.upsert(corpusA());
      await w.commit();
      expect((await store.counts()).nodes.Paper).toBe(5);
    });
  });

  describe('reads', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await h.fresh();
      await store.upsert(corpusA());
    });
    afterAll(() => store.close());

    it('ping answers', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('nodesByIds keeps the order and returns null for unknown ids', async () => {
      const rows = await store.nodesByIds(['method:snapkv', 'nope:x', 'paper:flash', 'method:missing', 'model:llama-2-7b']);
      expect(rows.map((r) => r?.id ?? null)).toEqual(['method:snapkv', null, 'paper:flash', null, 'model:llama-2-7b']);
      const paper = rows[2]!;
      expect(paper).toMatchObject({ label: 'Paper', year: 2022, upvotes: 10, hasCode: true, publishedAt: '2022-05-27' });
      expect(rows[4]).toMatchObject({ label: 'Model', family: 'Llama', parameters: '7B' });
    });

    it('neighbours expands many ids in both directions with edge properties', async () => {
      const out = await store.neighbours(['method:snapkv', 'method:pyramidkv'], 'COMPARED_WITH', 'OUT');
      expect(out.map((n) => `${n.of}>${n.node.id}`).sort()).toEqual(['method:pyramidkv>method:h2o', 'method:snapkv>method:h2o']);
      expect(out[0]!.edge).toMatchObject({ type: 'COMPARED_WITH', target: 'method:h2o', outcome: 'outperforms' });
      expect(out[0]!.edge.paperId).toMatch(/^paper:/);

      const into = await store.neighbours(['method:flashattention'], 'BUILDS_ON', 'IN');
      expect(into).toHaveLength(1);
      expect(into[0]!.edge).toEqual({
        type: 'BUILDS_ON',
        source: 'method:flashattention-2',
        target: 'method:flashattention',
        evidence: 'FlashAttention-2 builds on FlashAttention.',
        paperId: 'paper:flash2',
        outcome: null,
      });
      expect(into[0]!.node).toMatchObject({ id: 'method:flashattention-2', name: 'FlashAttention-2' });

      const mentioned = await store.neighbours(['paper:pyramidkv', 'paper:snapkv'], 'MENTIONS', 'OUT', { labels: ['Method'] });
      expect(mentioned.every((n) => n.node.label === 'Method')).toBe(true);
      expect(mentioned).toHaveLength(3);
      expect(await store.neighbours(['method:snapkv'], 'PUBLISHED_BY', 'OUT')).toEqual([]);
    });

    it('paperCounts counts proposing and mentioning papers', async () => {
      const c = await store.paperCounts(['method:snapkv', 'method:h2o', 'method:attention', 'benchmark:ruler']);
      expect(Object.fromEntries(c)).toEqual({ 'method:snapkv': 2, 'method:h2o': 2, 'method:attention': 0, 'benchmark:ruler': 1 });
    });

    it('list filters, orders, pages and counts', async () => {
      const byName = await store.list({ label: 'Method', where: { nameContains: 'flash' }, offset: 0, limit: 10 });
      expect(byName.rows.map((r) => r.id)).toEqual(['method:flashattention', 'method:flashattention-2']);
      expect(byName.totalCount).toBe(2);

      const page = await store.list({ label: 'Method', orderBy: { field: 'paperCount', direction: 'DESC' }, offset: 0, limit: 2 });
      expect(page.totalCount).toBe(6);
      expect(page.rows.map((r) => r.id)).toEqual(['method:flashattention', 'method:h2o']);
      const next = await store.list({ label: 'Method', orderBy: { field: 'paperCount', direction: 'DESC' }, offset: 2, limit: 2 });
      expect(next.rows.map((r) => r.id)).toEqual(['method:snapkv', 'method:flashattention-2']);

      const kv = await store.list({ label: 'Paper', where: { conceptId: 'concept:kv-cache-compression' }, offset: 0, limit: 10 });
      expect(ids(kv.rows)).toEqual(['paper:pyramidkv', 'paper:snapkv']);
      const efficient = await store.list({ label: 'Paper', where: { conceptId: 'concept:efficient-attention' }, offset: 0, limit: 10 });
      expect(ids(efficient.rows)).toEqual(['paper:flash', 'paper:flash2']);
      const methodsKv = await store.list({ label: 'Method', where: { conceptId: 'concept:kv-cache-compression' }, offset: 0, limit: 10 });
      expect(ids(methodsKv.rows)).toEqual(['method:h2o', 'method:pyramidkv', 'method:snapkv']);

      const recent = await store.list({
        label: 'Paper',
        where: { yearFrom: 2023, yearTo: 2024 },
        orderBy: { field: 'year', direction: 'ASC' },
        offset: 0,
        limit: 10,
      });
      expect(recent.rows.map((r) => r.id)).toEqual(['paper:flash2', 'paper:pyramidkv', 'paper:snapkv']);
      const upvoted = await store.list({ label: 'Paper', orderBy: { field: 'upvotes', direction: 'DESC' }, offset: 0, limit: 1 });
      expect(upvoted.rows[0]!.id).toBe('paper:flash2');
      expect(upvoted.totalCount).toBe(4);
      const withCode = await store.list({ label: 'Paper', where: { hasCode: true }, offset: 0, limit: 10 });
      expect(ids(withCode.rows)).toEqual(['paper:flash', 'paper:flash2']);
      const stanford = await store.list({ label: 'Paper', where: { organizationId: 'org:stanford' }, offset: 0, limit: 10 });
      expect(ids(stanford.rows)).toEqual(['paper:flash']);
      const methods2024 = await store.list({ label: 'Method', where: { yearFrom: 2024 }, offset: 0, limit: 10 });
      expect(ids(methods2024.rows)).toEqual(['method:h2o', 'method:pyramidkv', 'method:snapkv']);
      const concepts = await store.list({ label: 'Concept', offset: 0, limit: 10 });
      expect(concepts.rows.map((r) => r.id)).toEqual(['concept:efficient-attention', 'concept:kv-cache-compression']);

      expect((await failure(store.list({ label: 'Method', orderBy: { field: 'upvotes', direction: 'ASC' }, offset: 0, limit: 5 }))).code).toBe('INVALID');
      const byYear = await failure(store.list({ label: 'Benchmark', orderBy: { field: 'year', direction: 'DESC' }, offset: 0, limit: 5 }));
      expect(byYear.code).toBe('INVALID');
      expect(byYear.message).toMatch(/only papers/);
      expect((await failure(store.list({ label: 'Paper', orderBy: { field: 'paperCount', direction: 'DESC' }, offset: 0, limit: 5 }))).code).toBe('INVALID');
    });

    it('list combines filters (concept with years, code, organisation and name)', async () => {
      const kv2024 = await store.list({ label: 'Paper', where: { conceptId: 'concept:kv-cache-compression', yearFrom: 2024 }, offset: 0, limit: 10 });
      expect(ids(kv2024.rows)).toEqual(['paper:pyramidkv', 'paper:snapkv']);
      expect(kv2024.totalCount).toBe(2);
      const efficient2023 = await store.list({
        label: 'Paper',
        where: { conceptId: 'concept:efficient-attention', yearFrom: 2023, yearTo: 2024, hasCode: true },
        orderBy: { field: 'year', direction: 'DESC' },
        offset: 0,
        limit: 10,
      });
      expect(efficient2023.rows.map((r) => r.id)).toEqual(['paper:flash2']);
      expect(efficient2023.totalCount).toBe(1);
      const none = await store.list({ label: 'Paper', where: { conceptId: 'concept:kv-cache-compression', yearTo: 2023 }, offset: 0, limit: 10 });
      expect(none).toEqual({ rows: [], totalCount: 0 });
      const stanford = await store.list({ label: 'Paper', where: { organizationId: 'org:stanford', conceptId: 'concept:efficient-attention', nameContains: 'flash' }, offset: 0, limit: 10 });
      expect(ids(stanford.rows)).toEqual(['paper:flash']);
      expect((await store.list({ label: 'Paper', where: { organizationId: 'org:stanford', yearFrom: 2023 }, offset: 0, limit: 10 })).totalCount).toBe(0);
      const methods = await store.list({ label: 'Method', where: { conceptId: 'concept:kv-cache-compression', yearFrom: 2024, nameContains: 'kv' }, offset: 0, limit: 10 });
      expect(ids(methods.rows)).toEqual(['method:pyramidkv', 'method:snapkv']);
      const benchmarks = await store.list({ label: 'Benchmark', where: { conceptId: 'concept:kv-cache-compression', yearFrom: 2024, hasCode: false }, offset: 0, limit: 10 });
      expect(benchmarks.totalCount).toBe(benchmarks.rows.length);
    });

    it('search ranks matches over names, aliases, titles and abstracts, with snippets', async () => {
      const hits = await store.search('SnapKV', { limit: 5 });
      expect(hits.map((h) => h.node.id)).toContain('method:snapkv');
      expect(hits.map((h) => h.node.id)).toContain('paper:snapkv');
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);

      const methods = await store.search('snapkv', { labels: ['Method'], limit: 5 });
      expect(methods.map((h) => h.node.id)).toEqual(['method:snapkv']);

      const byAlias = await store.search('Oracle', { labels: ['Method'], limit: 5 });
      expect(byAlias.map((h) => h.node.id)).toEqual(['method:h2o']);
      expect(byAlias[0]!.snippet).toContain('Heavy-Hitter Oracle');

      const inAbstract = await store.search('IO-aware', { labels: ['Paper'], limit: 3 });
      expect(inAbstract[0]!.node.id).toBe('paper:flash');
      expect(inAbstract[0]!.snippet).toBe('We propose FlashAttention, an IO-aware exact attention algorithm.');
      expect(await store.search('   ', { limit: 5 })).toEqual([]);
    });

    it('lineage follows the given types to the given depth and direction', async () => {
      const types = ['BUILDS_ON', 'COMPARED_WITH'] as const;
      const down = await store.lineage('method:flashattention-2', { direction: 'OUT', depth: 2, types: [...types] });
      expect(ids(down.nodes)).toEqual(['method:attention', 'method:flashattention', 'method:flashattention-2']);
      expect(down.edges).toHaveLength(2);
      expect(down.edges.find((e) => e.source === 'method:flashattention-2')!.evidence).toBe('FlashAttention-2 builds on FlashAttention.');

      const shallow = await store.lineage('method:flashattention-2', { direction: 'OUT', depth: 1, types: [...types] });
      expect(ids(shallow.nodes)).toEqual(['method:flashattention', 'method:flashattention-2']);

      const up = await store.lineage('method:attention', { direction: 'IN', depth: 3, types: [...types] });
      expect(ids(up.nodes)).toEqual(['method:attention', 'method:flashattention', 'method:flashattention-2']);

      const both = await store.lineage('method:snapkv', { direction: 'BOTH', depth: 2, types: [...types] });
      expect(ids(both.nodes)).toEqual(['method:h2o', 'method:pyramidkv', 'method:snapkv']);
      expect(both.edges).toHaveLength(3);

      expect(await store.lineage('method:nope', { direction: 'BOTH', depth: 2, types: [...types] })).toEqual({ nodes: [], edges: [] });
    });

    it('shortestPath connects any two nodes over any relationship, or returns null', async () => {
      const path = await store.shortestPath('paper:flash', 'method:attention', { maxHops: 4 });
      expect(path!.nodes.map((n) => n.id)).toEqual(['paper:flash', 'method:flashattention', 'method:attention']);
      expect(path!.edges.map((e) => `${e.source}-${e.type}->${e.target}`)).toEqual([
        'paper:flash-PROPOSES->method:flashattention',
        'method:flashattention-BUILDS_ON->method:attention',
      ]);
      const undirected = await store.shortestPath('method:attention', 'org:stanford', { maxHops: 4 });
      expect(undirected!.edges).toHaveLength(3);
      expect(await store.shortestPath('paper:flash', 'method:attention', { maxHops: 1 })).toBeNull();
      expect(await store.shortestPath('metric:bleu', 'paper:flash', { maxHops: 5 })).toBeNull();
      expect(await store.shortestPath('method:nope', 'paper:flash', { maxHops: 5 })).toBeNull();
    });

    it('relatedMethods scores shared benchmarks, concepts, co-mentions and lineage with readable reasons', async () => {
      const related = await store.relatedMethods('method:snapkv', 10);
      expect(related.map((r) => r.id)).toEqual(['method:pyramidkv', 'method:h2o']);
      const pyramid = related[0]!;
      expect(pyramid.reasons).toEqual(
        expect.arrayContaining(['is built on by PyramidKV', 'same concept KV-cache compression', 'shares benchmark LongBench', 'co-mentioned in 1 paper']),
      );
      expect(related[1]!.reasons).toEqual(expect.arrayContaining(['compared with H2O', 'shares benchmark LongBench']));
      expect(pyramid.score).toBeGreaterThan(related[1]!.score);
      expect(await store.relatedMethods('method:snapkv', 1)).toHaveLength(1);
      expect(await store.relatedMethods('method:nope', 5)).toEqual([]);
    });

    it('counts lists every label and type, zeros included', async () => {
      const fresh = await h.fresh();
      try {
        const zero = await fresh.counts();
        expect(Object.values(zero.nodes).every((n) => n === 0)).toBe(true);
        expect(Object.keys(zero.relationships)).toHaveLength(8);
      } finally {
        await fresh.close();
      }
      expect(await store.counts()).toEqual(COUNTS_A);
    });

    it('trends buckets papers by year or month, optionally within a concept', async () => {
      expect(await store.trends('YEAR')).toEqual([
        { bucket: '2022', count: 1 },
        { bucket: '2023', count: 1 },
        { bucket: '2024', count: 2 },
      ]);
      expect(await store.trends('MONTH', 'concept:kv-cache-compression')).toEqual([
        { bucket: '2024-04', count: 1 },
        { bucket: '2024-06', count: 1 },
      ]);
      expect(await store.trends('YEAR', 'concept:efficient-attention')).toEqual([
        { bucket: '2022', count: 1 },
        { bucket: '2023', count: 1 },
      ]);
    });
  });
}

describe('embedded store contract (Kùzu queries)', () => storeContract(embeddedHarness('database')));
describe('embedded store contract (in-memory reads)', () => storeContract(embeddedHarness('memory')));

const neo4jUri = process.env.NEO4J_URI;
if (!neo4jUri) console.warn('Neo4j store contract skipped: NEO4J_URI is unset');
describe.skipIf(!neo4jUri)('neo4j store contract (NEO4J_URI)', () => storeContract(neo4jHarness));
