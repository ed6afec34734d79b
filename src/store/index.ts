// Opens the configured graph store.
import type { Config } from '../config/index.ts';
import { EmbeddedStore } from './embedded/store.ts';
import { defaultMigrationsDir } from './migrations.ts';
import { Neo4jStore } from './neo4j/store.ts';
import type { GraphStore } from './port.ts';

export { StoreError, type StoreErrorCode } from './errors.ts';

export interface OpenStoreOptions {
  /** Serving only: no writer, and the embedded database is opened read-only. */
  readOnly?: boolean;
  /** Where the `V<n>__<name>.cypher` files are; defaults to migrations/<store kind>/. */
  migrationsDir?: string;
}

export async function openStore(config: Config, opts: OpenStoreOptions = {}): Promise<GraphStore> {
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir(config.store);
  if (config.store === 'neo4j') return Neo4jStore.connect(config, { readOnly: opts.readOnly ?? false, migrationsDir });
  return new EmbeddedStore(config, { readOnly: opts.readOnly ?? false, migrationsDir });
}
