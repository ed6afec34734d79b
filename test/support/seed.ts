// The seed corpus (data/) loaded through the real pipeline into a temporary embedded store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPaths } from '../../loaders/pipeline.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { GraphStore } from '../../src/store/port.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_DIR = join(REPO, 'data');
/** Fixed so dates without a year resolve the same on every run. */
export const AS_OF = '2025-12-31';

export interface SeedGraph {
  store: GraphStore;
  dataDir: string;
  close(): Promise<void>;
}

/** A migrated embedded store in a temporary directory, empty unless `load` is set. */
async function tempGraph(load: boolean): Promise<SeedGraph> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-test-'));
  const config = loadConfig({ dataDir, store: 'embedded' }, {});
  // The read model `kg serve` uses (in-memory unless KG_READ_MODEL says otherwise).
  const store = await openStore(config, { readOnly: false, readModel: config.readModel });
  await store.migrate();
  if (load) await loadPaths(store, [SEED_DIR], { asOf: AS_OF });
  return {
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seed corpus loaded through the real pipeline. */
export const seedGraph = () => tempGraph(true);
/** A migrated, empty graph: enough for tests of HTTP behaviour. */
export const emptyGraph = () => tempGraph(false);

export interface StoreCall {
  method: string;
  args: unknown[];
}

/** The store with every method call recorded in `calls`, but the graph version asked for on every request. */
export function counting(store: GraphStore, calls: StoreCall[]): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'graphVersion') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        calls.push({ method: String(prop), args });
        return value.apply(target, args);
      };
    },
  });
}
