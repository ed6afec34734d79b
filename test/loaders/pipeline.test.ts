// The load pipeline end to end on the seed corpus: extraction on worker threads writes the same
// graph as extraction on the main thread, and papers written ahead (prewrite) are searchable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../loaders/pipeline.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { GraphStore } from '../../src/store/port.ts';
import { AS_OF, SEED_DIR } from '../support/seed.ts';

const stores: GraphStore[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function loaded(workers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-pipeline-'));
  dirs.push(dataDir);
  const store = await openStore(loadConfig({ dataDir, store: 'embedded' }, {}));
  stores.push(store);
  await store.migrate();
  const report = await loadPaths(store, [SEED_DIR], { asOf: AS_OF, batchSize: 50, workers });
  return { store, report };
}

describe('load pipeline', () => {
  it('writes the same graph with extraction on two workers as on the main thread', async () => {
    const [inline, parallel] = await Promise.all([loaded(0), loaded(2)]);
    expect(parallel.report).toEqual(inline.report);
    expect(parallel.report.papers).toBe(244);
    const counts = await parallel.store.counts();
    expect(counts).toEqual(await inline.store.counts());
    // Batches of 50 restate relationships an earlier batch wrote: each counts as written once.
    expect(parallel.report.written.relationships).toBe(Object.values(counts.relationships).reduce((a, b) => a + b, 0));
    const ids = (await inline.store.list({ label: 'Method', offset: 0, limit: 50 })).rows.map((r) => r.id);
    expect(await parallel.store.nodesByIds(ids)).toEqual(await inline.store.nodesByIds(ids));
  });

  it('indexes papers written ahead of extraction for full-text search', async () => {
    const { store } = await loaded(2);
    const hits = await store.search('attention', { labels: ['Paper'], limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
  });
});
