import type { Command } from 'commander';
import { configFrom, withStoreOptions, type StoreFlags } from '../options.ts';

export function registerStats(program: Command): void {
  withStoreOptions(program.command('stats').description('node and relationship counts by type'))
    .option('--json', 'print JSON')
    .action(async (flags: StoreFlags & { json?: boolean }) => {
      const { openStore } = await import('../../store/index.ts');
      const store = await openStore(configFrom(flags), { readOnly: true });
      try {
        const counts = await store.counts();
        if (flags.json) {
          console.log(JSON.stringify(counts, null, 2));
          return;
        }
        for (const [group, byType] of Object.entries(counts)) {
          console.log(`${group}:`);
          for (const [type, n] of Object.entries(byType)) console.log(`  ${type.padEnd(16)} ${n}`);
        }
      } finally {
        await store.close();
      }
    });
}
