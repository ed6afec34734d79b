import type { Command } from 'commander';
import { configFrom, withStoreOptions, type StoreFlags } from '../options.ts';

export function registerMigrate(program: Command): void {
  withStoreOptions(program.command('migrate').description('apply pending migrations; report applied and pending'))
    .option('--status', 'only report, apply nothing')
    .action(async (flags: StoreFlags & { status?: boolean }) => {
      const { openStore } = await import('../../store/index.ts');
      const store = await openStore(configFrom(flags));
      try {
        const applied = flags.status ? [] : await store.migrate();
        const status = await store.migrationStatus();
        for (const m of applied) console.log(`applied  ${m.version} ${m.name}`);
        console.log(`${status.applied.length} applied, ${status.pending.length} pending (${store.kind} store)`);
        for (const m of status.pending) console.log(`pending  ${m.version} ${m.name}`);
      } finally {
        await store.close();
      }
    });
}
