// Measures embedded write throughput on a synthetic corpus: `tsx scripts/bench-store.ts [papers] [batchPapers]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.ts';
import { emptyBatch, type GraphBatch } from '../src/model/graph.ts';
import { openStore } from '../src/store/index.ts';

const papers = Number(process.argv[2] ?? 10_000);
const batchPapers = Number(process.argv[3] ?? 5_000);
const methods = Math.max(10, Math.floor(papers / 4));
const benchmarks = 200;

function batch(from: number, to: number): GraphBatch {
  const b = emptyBatch();
  for (let i = from; i < to; i++) {
    const p = `paper:p${i}`;
    b.papers.push({
      id: p,
      key: `p${i}`,
      title: `Synthetic paper ${i} on sparse attention and retrieval`,
      abstract: `We study method ${i % methods} for long-context attention. It compresses the KV cache. Results on benchmark ${i % benchmarks} improve recall. `.repeat(3),
      publishedAt: `20${18 + (i % 7)}-0${1 + (i % 9)}-15`,
      year: 2018 + (i % 7),
      authorCount: 1 + (i % 9),
      upvotes: i % 50,
      arxivId: null,
      url: null,
      hasCode: i % 3 === 0,
    });
    const m = `method:m${i % methods}`;
    b.entities.push({ id: m, label: 'Method', name: `Method ${i % methods}`, aliases: [`M${i % methods}`] });
    b.relationships.push({ type: 'PROPOSES', from: p, to: m, evidence: `We propose Method ${i % methods}.`, paperId: p });
    for (let k = 1; k <= 3; k++) {
      const other = `method:m${(i * 7 + k * 13) % methods}`;
      b.entities.push({ id: other, label: 'Method', name: `Method ${(i * 7 + k * 13) % methods}`, aliases: [] });
      b.relationships.push({ type: 'MENTIONS', from: p, to: other, evidence: 'We compare against it.', paperId: p });
    }
    const bench = `benchmark:b${i % benchmarks}`;
    b.entities.push({ id: bench, label: 'Benchmark', name: `Bench ${i % benchmarks}`, aliases: [] });
    b.relationships.push({ type: 'MENTIONS', from: p, to: bench, evidence: 'Evaluated on it.', paperId: p });
    b.relationships.push({ type: 'EVALUATED_ON', from: m, to: bench, evidence: 'Evaluated on it.', paperId: p });
    if (i % methods !== 0) {
      b.relationships.push({ type: 'BUILDS_ON', from: m, to: `method:m${(i % methods) - 1}`, evidence: 'It extends the previous one.', paperId: p });
    }
  }
  return b;
}

const dir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
const store = await openStore(loadConfig({ store: 'embedded', dataDir: join(dir, 'kg') }));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const started = performance.now();
let rels = 0;
let nodes = 0;
const w = await store.writer();
for (let i = 0; i < papers; i += batchPapers) {
  const s = await w.upsert(batch(i, Math.min(papers, i + batchPapers)));
  rels += s.relationships;
  nodes += s.nodes;
}
const written = performance.now();
await w.commit();
const committed = performance.now();
// A second load of an overlapping slice measures the copy-and-merge path.
const again = await store.upsert(batch(0, Math.min(papers, batchPapers)));
const reloaded = performance.now();
clearInterval(sample);
const counts = await store.counts();
await store.close();
rmSync(dir, { recursive: true, force: true });

const secs = (ms: number) => (ms / 1000).toFixed(1);
console.log(
  JSON.stringify(
    {
      papers,
      batchPapers,
      nodesWritten: nodes,
      relationshipsWritten: rels,
      upsertSeconds: secs(written - started),
      commitSeconds: secs(committed - written),
      papersPerSecond: Math.round(papers / ((committed - started) / 1000)),
      relationshipsPerSecond: Math.round(rels / ((committed - started) / 1000)),
      reloadOverlappingBatchSeconds: secs(reloaded - committed),
      reloadWritten: again,
      peakRssMB: Math.round(peakRss / 1e6),
      counts: counts.nodes,
    },
    null,
    2,
  ),
);
