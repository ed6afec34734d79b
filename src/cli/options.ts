// Flags every graph-touching command shares, mapped onto the validated Config.
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config, type StoreKind } from '../config/index.ts';

export interface StoreFlags {
  store?: StoreKind;
  dataDir?: string;
}

export function withStoreOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--store <kind>', 'graph store (default: KG_STORE or embedded)').choices(['embedded', 'neo4j']))
    .option('--data-dir <dir>', 'embedded store directory (default: KG_DATA_DIR or .kg)');
}

export function configFrom(flags: StoreFlags): Config {
  return loadConfig({
    ...(flags.store ? { store: flags.store } : {}),
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
  });
}

export function parseIsoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port 0-65535, got "${value}"`);
  return n;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`expected 1-64 workers, got "${value}"`);
  return n;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
