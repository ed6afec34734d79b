import type { Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { DEFAULT_BATCH_SIZE, readPapers, writePapers, type LoadReport } from '../../../loaders/pipeline.ts';
import { printRejections, ReportedFailure, UsageError } from '../fail.ts';
import { configFrom, parseIsoDate, today, withStoreOptions, type StoreFlags } from '../options.ts';
import { progressBar } from '../progress.ts';

interface LoadFlags extends StoreFlags {
  asOf: string;
  strict?: boolean;
  dryRun?: boolean;
  batchSize: number;
  json?: boolean;
}

function summary(r: LoadReport, dryRun: boolean): string {
  const e = r.extracted;
  const lines = [
    `${dryRun ? 'would load' : 'loaded'} ${r.papers} papers from ${r.entries} entries (${r.entries - r.papers} duplicates merged)`,
    `extracted ${e.entities} entities, ${e.concepts} concepts, ${e.organizations} organizations, ${e.relationships} relationships`,
    dryRun
      ? `dry run: ${r.newNodes} of those nodes are not in the store yet; nothing written`
      : `written: ${r.written.nodes} nodes, ${r.written.relationships} relationships`,
    `rejected: ${r.rejections.length} record(s)${r.rejections.length ? ' (listed above)' : ''}`,
  ];
  return lines.join('\n');
}

export function registerLoad(program: Command): void {
  withStoreOptions(program.command('load').description('ingest listing pages, JSON Lines or arXiv Atom files and folders'))
    .argument('<paths...>', 'files or folders')
    .option('--as-of <date>', 'resolve dates without a year against this day (YYYY-MM-DD)', parseIsoDate, today())
    .option('--strict', 'write nothing and exit non-zero when any input is rejected')
    .option('--dry-run', 'report what would change; write nothing')
    .option('--batch-size <n>', 'papers per store batch', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--batch-size must be a positive integer, got "${v}"`);
      return n;
    }, DEFAULT_BATCH_SIZE)
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], flags: LoadFlags) => {
      // A large load keeps a few hundred MB live (resolved entities, staged rows) while allocating
      // GBs that die within a batch, and V8 lets the heap grow to four times the live size between
      // full collections: most of the peak RSS. At most doubling keeps it near twice the live size
      // for a few more (concurrent) collections. V8 reads this flag at every collection.
      setFlagsFromString('--heap-growing-percent=100');
      const config = configFrom(flags);
      const read = await readPapers(paths, flags.asOf);
      printRejections(read.rejections);
      if (flags.strict && read.rejections.length) {
        process.stderr.write(`kg: --strict: ${read.rejections.length} record(s) rejected; nothing written\n`);
        throw new ReportedFailure(2);
      }
      if (!read.papers.length) throw new UsageError(`no papers found in ${paths.join(', ')}`);
      const { openStore } = await import('../../store/index.ts');
      const store = await openStore(config);
      const bar = progressBar(flags.dryRun ? 'checking' : 'loading');
      try {
        const report = await writePapers(store, read, {
          asOf: flags.asOf,
          batchSize: flags.batchSize,
          dryRun: flags.dryRun,
          onProgress: (done, total) => bar.update(done, total, { rejected: read.rejections.length }),
        });
        bar.stop();
        if (flags.json) console.log(JSON.stringify({ ...report, rejections: report.rejections.length }));
        else console.log(summary(report, Boolean(flags.dryRun)));
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
