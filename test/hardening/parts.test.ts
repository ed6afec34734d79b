// The hardening parts on their own: the rate limiter's window, page sizes for the cost rule, the
// store wrappers (timeout, metrics) around a real embedded store.
import { createRequire } from 'node:module';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { registry } from '../../src/observability/metrics.ts';
import { withStoreMetrics } from '../../src/observability/store-metrics.ts';
import { withPageSizes } from '../../src/security/query-limits.ts';
import { RateLimiter } from '../../src/security/rate-limit.ts';
import { withQueryTimeout } from '../../src/security/store-timeout.ts';
import { StoreError } from '../../src/store/errors.ts';
import { seedGraph, type SeedGraph } from '../support/seed.ts';
import { faulty } from './faulty-store.ts';

describe('RateLimiter', () => {
  it('allows perMinute requests per client per minute, then says how many and when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('1.2.3.4')).toEqual({ ok: true });
    now += 15_000;
    expect(limiter.take('1.2.3.4')).toEqual({ ok: false, count: 4, retryAfterSeconds: 45 });
    expect(limiter.take('5.6.7.8')).toEqual({ ok: true }); // other clients are not affected
    now += 45_000;
    expect(limiter.take('1.2.3.4')).toEqual({ ok: true });
  });
});

describe('withPageSizes', () => {
  // The graphql build Apollo uses, as withPageSizes expects (see query-limits.ts).
  const { buildASTSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
  const schema = buildASTSchema(loadTypeDefs(), { assumeValidSDL: true });

  it('makes every page size a literal: given, from a variable or its default, or the schema default', () => {
    const doc = parse(`query($n: Int, $m: Int = 7) {
      methods(first: $n) { edges { node { mentionedIn(first: $m) { totalCount } } } }
      papers { totalCount }
      stats { papers }
    }`);
    const printed = print(withPageSizes(schema, doc, { n: 100 }));
    expect(printed).toContain('methods(first: 100)');
    expect(printed).toContain('mentionedIn(first: 7)');
    expect(printed).toContain('papers(first: 20)');
    expect(printed).toContain('stats {');
  });
});

describe('store wrappers', () => {
  let graph: SeedGraph;
  beforeAll(async () => {
    graph = await seedGraph();
  });
  afterAll(() => graph.close());

  it('withQueryTimeout turns a call slower than the limit into StoreError TIMEOUT and leaves fast calls alone', async () => {
    const f = faulty(graph.store);
    const store = withQueryTimeout(f.store, 200);
    await graph.store.counts(); // warm: the first read opens the database
    expect((await store.counts()).nodes.Paper).toBeGreaterThan(0);
    f.slow(1_000);
    const started = Date.now();
    const err = await store.counts().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('TIMEOUT');
    expect((err as StoreError).message).toBe('store call counts took longer than 200 ms');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('withStoreMetrics counts calls and latency by method and outcome', async () => {
    const f = faulty(graph.store);
    const store = withStoreMetrics(f.store);
    await store.nodesByIds(['method:snapkv']);
    await store.nodesByIds(['method:snapkv']);
    f.down();
    await expect(store.ping()).rejects.toThrow(StoreError);
    const text = await registry.metrics();
    expect(text).toMatch(/kg_store_call_duration_seconds_count\{method="nodesByIds",outcome="ok"\} 2/);
    expect(text).toMatch(/kg_store_call_duration_seconds_count\{method="ping",outcome="UNAVAILABLE"\} 1/);
  });
});
