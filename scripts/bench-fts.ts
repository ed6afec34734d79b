// Kùzu's full-text index build over paper titles and abstracts alone, at a chosen mean text length: the part of a
// load's commit that grows with the text and that no speed-up of ours shortens. Papers come from the synthetic corpus;
// an abstract shorter than the wanted length is followed by other papers' abstracts, cut at a word boundary.
//
//   npx tsx scripts/bench-fts.ts [--corpus bench-out/corpus-100000] [--chars 1487] [--pool-mb N]
//
// --chars   mean title + abstract length to build (the seed corpus averages 1,487; 0 keeps the corpus as it is)
// --pool-mb Kùzu buffer pool (default: the writer's sizing); the build fails when too small
import kuzu from 'kuzu';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dedupePapers } from '../loaders/normalize/index.ts';
import { readSourceBatches } from '../loaders/sources/index.ts';
import { createFtsIndex } from '../src/store/embedded/dialect.ts';
import { ftsPoolFor } from '../src/store/embedded/writer.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'bench-out/corpus-100000' },
    chars: { type: 'string', default: '1487' },
    'pool-mb': { type: 'string' },
  },
});
const target = Number(values.chars);
const { papers } = await dedupePapers(readSourceBatches([values.corpus], { asOf: '2026-01-01' }));
let chars = 0;
const rows = papers.map((p, i) => {
  const title = p.title ?? '';
  let abstract = p.abstract;
  for (let k = 1; abstract.length + title.length < target; k++) abstract += ` ${papers[(i + k * 7919) % papers.length].abstract}`;
  const room = target - title.length;
  if (target > 0 && abstract.length > room) abstract = abstract.slice(0, Math.max(0, abstract.lastIndexOf(' ', room)));
  chars += title.length + abstract.length;
  return { id: `p${i}`, title, abstract };
});

const dir = mkdtempSync(join(tmpdir(), 'kg-bench-fts-'));
try {
  const file = join(dir, 'papers.json');
  writeFileSync(file, JSON.stringify(rows));
  const pool = values['pool-mb'] ? Number(values['pool-mb']) * 2 ** 20 : ftsPoolFor(chars);
  const db = new kuzu.Database(join(dir, 'graph.kuzu'), pool, true, false, 0, false);
  const conn = new kuzu.Connection(db);
  await conn.query('CREATE NODE TABLE Paper(id STRING PRIMARY KEY, title STRING, abstract STRING)');
  await conn.query(`COPY Paper FROM '${file}'`);
  await conn.query('CHECKPOINT');
  const t = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await conn.query(createFtsIndex('Paper')).then(
    () => 'built',
    (err: unknown) => `failed: ${(err as Error).message}`,
  );
  const used = process.cpuUsage(cpu);
  console.log(
    `${rows.length} papers, mean title + abstract ${Math.round(chars / rows.length)} characters, pool ${Math.round(pool / 2 ** 20)} MiB: ` +
      `index ${outcome} in ${((performance.now() - t) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`,
  );
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
