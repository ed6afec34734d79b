import type { Command } from 'commander';
import { toGoldRecord } from '../../../loaders/extract/index.ts';
import { extractAll, readPapers } from '../../../loaders/pipeline.ts';
import { parseIsoDate, today } from '../options.ts';
import { printRejections } from '../fail.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the entities and lineage extracted from each distinct paper; writes nothing')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'one JSON line per paper in the gold format (key, title, entities, buildsOn, comparedWith)')
    .option('--as-of <date>', 'resolve dates without a year against this day (YYYY-MM-DD)', parseIsoDate, today())
    .action(async (paths: string[], flags: { json?: boolean; asOf: string }) => {
      const read = await readPapers(paths, flags.asOf);
      printRejections(read.rejections);
      for (const { extraction } of extractAll(read.papers)) {
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(toGoldRecord(extraction))}\n`);
          continue;
        }
        console.log(extraction.title ?? `(untitled) ${extraction.key}`);
        for (const e of extraction.entities) {
          const aliases = e.aliases.length ? ` (${e.aliases.join(', ')})` : '';
          console.log(`  ${e.proposed ? 'proposes' : 'mentions'} ${e.type} ${e.name}${aliases}`);
        }
        for (const r of extraction.buildsOn) console.log(`  ${r.from} builds on ${r.to}`);
        for (const r of extraction.comparedWith) console.log(`  ${r.from} compared with ${r.to}`);
      }
    });
}
