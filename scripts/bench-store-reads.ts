// Latency of each GraphStore read on a loaded embedded store, one call at a time and 20 at once
// (the API's uncached load: every request makes a few store calls, many requests run together).
//
//   npx tsx scripts/bench-store-reads.ts --data-dir DIR [--read-model database|memory] [--runs N] [--concurrency N] [--only op,op] [--json]
//
// Prints, per read: median and p99 of single calls, and the wall time of `concurrency` calls
// started together (median over the runs) with the per-call mean that implies. Ids are taken
// from the store itself (the best-connected methods and papers), so any loaded graph works.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { openStore } from '../src/store/index.ts';
import type { GraphStore } from '../src/store/port.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '20' },
    only: { type: 'string' },
    'read-model': { type: 'string', default: 'database' },
    json: { type: 'boolean', default: false },
  },
});
if (!values['data-dir']) {
  console.error('usage: npx tsx scripts/bench-store-reads.ts --data-dir DIR (load one with: node bin/kg.js load data --data-dir DIR)');
  process.exit(2);
}
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);

const readModel = values['read-model'];
if (readModel !== 'database' && readModel !== 'memory') {
  console.error('--read-model is database (Kùzu queries) or memory (what kg serve answers from)');
  process.exit(2);
}
const store: GraphStore = await openStore(loadConfig({ store: 'embedded', dataDir: values['data-dir'] }), { readOnly: true, readModel });

// Inputs: well-connected ids, as the API's typical requests see them.
// Ordering by paperCount is itself a heavy query on big graphs (see 'list Method by paperCount'); names are enough here.
const topMethods = (await store.list({ label: 'Method', offset: 0, limit: 20 })).rows.map((r) => r.id);
const papers = (await store.list({ label: 'Paper', offset: 0, limit: 20 })).rows.map((r) => r.id);
const lineageRoot = (await store.nodesByIds(['method:flashattention']))[0] ? 'method:flashattention' : topMethods[0]!;
const farPaper = (await store.list({ label: 'Paper', orderBy: { field: 'upvotes', direction: 'DESC' }, offset: 0, limit: 1 })).rows[0]!.id;
const lastMethod = topMethods[topMethods.length - 1]!;

const ops: Record<string, () => Promise<unknown>> = {
  'nodesByIds 40 (papers+methods)': () => store.nodesByIds([...papers, ...topMethods]),
  'neighbours 20 papers MENTIONS OUT': () => store.neighbours(papers, 'MENTIONS', 'OUT'),
  'neighbours 20 papers PROPOSES OUT': () => store.neighbours(papers, 'PROPOSES', 'OUT'),
  'neighbours 20 methods EVALUATED_ON OUT': () => store.neighbours(topMethods, 'EVALUATED_ON', 'OUT'),
  'neighbours 20 methods MENTIONS IN': () => store.neighbours(topMethods, 'MENTIONS', 'IN'),
  'paperCounts 20 methods': () => store.paperCounts(topMethods),
  'list Paper first 20': () => store.list({ label: 'Paper', offset: 0, limit: 20 }),
  'list Paper concept+year': () =>
    store.list({ label: 'Paper', where: { conceptId: 'concept:sparse-attention', yearFrom: 2024 }, offset: 0, limit: 20 }),
  'list Method by paperCount': () => store.list({ label: 'Method', orderBy: { field: 'paperCount', direction: 'DESC' }, offset: 0, limit: 20 }),
  'search "sparse attention" 20': () => store.search('sparse attention', { limit: 20 }),
  'lineage d3 BUILDS_ON+COMPARED_WITH': () =>
    store.lineage(lineageRoot, { direction: 'BOTH', depth: 3, types: ['BUILDS_ON', 'COMPARED_WITH'] }),
  'shortestPath paper->method 4': () => store.shortestPath(farPaper, lastMethod, { maxHops: 4 }),
  'relatedMethods 10': () => store.relatedMethods(topMethods[0]!, 10),
  'relatedMethods 10 of the lineage root (a hub)': () => store.relatedMethods(lineageRoot, 10),
};

const only = values.only?.split(',').map((s) => s.trim().toLowerCase());
const chosen = Object.entries(ops).filter(([name]) => !only || only.some((o) => name.toLowerCase().startsWith(o)));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

interface Result {
  op: string;
  singleMedianMs: number;
  singleP99Ms: number;
  concurrentWallMs: number;
  concurrentP99Ms: number;
  /** Process CPU time over wall time during the concurrent rounds: 2 means both cores of this machine were busy. */
  cpuCores: number;
}
const results: Result[] = [];
for (const [name, fn] of chosen) {
  for (let i = 0; i < 3; i++) await fn(); // warm: prepared statements, buffer pool
  const single: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    single.push(performance.now() - t);
  }
  const walls: number[] = [];
  const each: number[] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 5)); i++) {
    const t = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const s = performance.now();
        await fn();
        each.push(performance.now() - s);
      }),
    );
    walls.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);
  results.push({
    op: name,
    singleMedianMs: pct(single, 50),
    singleP99Ms: pct(single, 99),
    concurrentWallMs: pct(walls, 50),
    concurrentP99Ms: pct(each, 99),
    cpuCores: cpuShare,
  });
}
await store.close();

if (values.json) console.log(JSON.stringify({ dataDir: values['data-dir'], runs, concurrency, results }));
else {
  const f = (n: number) => n.toFixed(1);
  console.log(`\n${values['data-dir']}: ${runs} single runs; ${concurrency} concurrent calls per round.\n`);
  console.log(`| read | single median ms | single p99 ms | ${concurrency} at once: wall ms | ${concurrency} at once: p99 per call ms | CPU cores used |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.op} | ${f(r.singleMedianMs)} | ${f(r.singleP99Ms)} | ${f(r.concurrentWallMs)} | ${f(r.concurrentP99Ms)} | ${r.cpuCores.toFixed(2)} |`);
}
