import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import type { ExportFormat } from '../../export/format.ts';
import { configFrom, withStoreOptions, type StoreFlags } from '../options.ts';

export function registerExport(program: Command): void {
  withStoreOptions(program.command('export').description('the whole graph as JSON or GraphML (Gephi, Cytoscape)'))
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'graphml']).default('json'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (flags: StoreFlags & { format: ExportFormat; out?: string }) => {
      const { openStore } = await import('../../store/index.ts');
      const { exportGraph } = await import('../../export/format.ts');
      const store = await openStore(configFrom(flags), { readOnly: true });
      const out = flags.out ? createWriteStream(flags.out) : process.stdout;
      try {
        const counts = await exportGraph(store, flags.format, out);
        if (flags.out) {
          out.end();
          await once(out, 'finish');
          console.error(`wrote ${counts.nodes} nodes and ${counts.edges} edges to ${flags.out}`);
        }
      } finally {
        await store.close();
      }
    });
}
