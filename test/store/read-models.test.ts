// The in-memory read model must answer exactly as Kùzu does on real data (the seed graph), where
// the memory store takes shortcuts: relatedMethods scores every candidate as numbers and builds
// rows only for the winners, so each page size must match the database's full scoring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { GraphStore } from '../../src/store/port.ts';
import { seedGraph, type SeedGraph } from '../support/seed.ts';

let graph: SeedGraph;
let memory: GraphStore;
let database: GraphStore;
beforeAll(async () => {
  graph = await seedGraph();
  const config = loadConfig({ dataDir: graph.dataDir, store: 'embedded' }, {});
  memory = await openStore(config, { readOnly: true, readModel: 'memory' });
  database = await openStore(config, { readOnly: true, readModel: 'database' });
});
afterAll(async () => {
  await memory?.close();
  await database?.close();
  await graph?.close();
});

describe('memory and database read models on the seed graph', () => {
  it('rank related methods alike for every page size', async () => {
    const { rows } = await database.list({ label: 'Method', orderBy: { field: 'paperCount', direction: 'DESC' }, offset: 0, limit: 25 });
    expect(rows.length).toBe(25);
    let compared = 0;
    for (const { id } of rows) {
      const full = await database.relatedMethods(id, 100);
      for (const k of [1, 2, 5, 100]) {
        expect(await memory.relatedMethods(id, k), `${id} first ${k}`).toEqual(k === 100 ? full : await database.relatedMethods(id, k));
      }
      compared += full.length;
    }
    // Enough related methods to exercise the cut, ties included.
    expect(compared).toBeGreaterThan(100);
  });
});
