// Opens the configured graph store; each adapter (and its driver) is loaded only when chosen.
import type { Config } from '../config/index.ts';
import { defaultMigrationsDir } from './migrations.ts';
import type { GraphStore } from './port.ts';
import type { ReadModel } from './embedded/store.ts';

export { StoreError, type StoreErrorCode } from './errors.ts';

export interface OpenStoreOptions {
  /** Serving only: no writer, and the embedded database is opened read-only. */
  readOnly?: boolean;
  /** Where the `V<n>__<name>.cypher` files are; defaults to migrations/<store kind>/. */
  migrationsDir?: string;
  /**
   * Embedded store only: `memory` answers reads from an in-memory copy of the current generation
   * (what `kg serve` uses, see KG_READ_MODEL); `database` (the default) queries Kùzu for each read,
   * which suits one-shot commands that would not repay the copy.
   */
  readModel?: ReadModel;
}

export async function openStore(config: Config, opts: OpenStoreOptions = {}): Promise<GraphStore> {
  const settings = { readOnly: opts.readOnly ?? false, migrationsDir: opts.migrationsDir ?? defaultMigrationsDir(config.store) };
  if (config.store === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j/store.ts');
    return Neo4jStore.connect(config, settings);
  }
  const { EmbeddedStore } = await import('./embedded/store.ts');
  return new EmbeddedStore(config, { ...settings, readModel: opts.readModel });
}
