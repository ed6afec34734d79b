// `npm run bench`: every benchmark of issues 2-5, then rewrites BENCHMARKS.md from the figures.
//
//   npm run bench [-- --quick] [-- --only ingest|store|api|scaling[,...]] [-- --reuse-stores]
//
// --quick         10k synthetic papers instead of 100k, shorter autocannon runs: a fast check of the harness.
// --only          run these sections; the others keep their figures from the previous run (bench-out/results.json).
// --reuse-stores  with --only api: serve stores loaded by an earlier run instead of loading them again.
// --duration S    seconds per autocannon run (default 5, quick 3); --connections N (default 20).
//
// Synthetic corpora are generated once into bench-out/corpus-<N> and reused; stores are loaded into
// bench-out/store/<name>. Everything heavy runs in child processes, so this process stays small.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runApiBench, type Scenario, type ScenarioFigures } from './bench-lib/api.ts';
import { ensureCorpus } from './bench-lib/corpus.ts';
import { busyness, machine, type Busyness } from './bench-lib/machine.ts';
import { OUT, ROOT } from './bench-lib/paths.ts';
import { lastJson, runMeasured, shell, shown, type Measured } from './bench-lib/proc.ts';
import { renderReport } from './bench-lib/report.ts';
import { DEFAULT_BATCH_SIZE, loadCommand, loadStore, previousLoad, SEED_CORPUS, storeDir, type LoadFigures } from './bench-lib/store.ts';
import { TARGETS } from './bench-lib/targets.ts';
import {
  SECTIONS,
  type ApiFigures,
  type IngestFigures,
  type Mode,
  type Results,
  type ScalingFigures,
  type Section,
  type SectionName,
  type StoreFigures,
} from './bench-lib/types.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'reuse-stores': { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: String(TARGETS.api.connections) },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
  },
});
const mode: Mode = values.quick ? 'quick' : 'full';
const only = values.only ? (values.only.split(',').map((s) => s.trim()) as SectionName[]) : [...SECTIONS];
for (const s of only) {
  if (!SECTIONS.includes(s)) {
    console.error(`--only takes ${SECTIONS.join('|')} (comma-separated), got "${s}"`);
    process.exit(2);
  }
}
const LARGE = values.quick ? 10_000 : 100_000;
/** bench-ingest processes per ingest section (the median one is reported). */
const INGEST_RUNS = values.quick ? 1 : 5;
const SCALING_SIZES = values.quick ? [1_000, 10_000] : [...TARGETS.scaling.sizes];
const duration = Number(values.duration ?? (values.quick ? 3 : 5));
const connections = Number(values.connections);
const batchSize = Number(values['batch-size']);
const RESULTS_FILE = join(OUT, 'results.json');
const REPORT_FILE = join(ROOT, 'BENCHMARKS.md');

const t0 = performance.now();
const log = (s: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${s}\n`);
const synthetic = (n: number) => `synthetic-${n}`;

mkdirSync(OUT, { recursive: true });
const argv = process.argv.slice(2);
const results: Results = {
  machine: machine(),
  busyAtStart: await busyness(),
  command: `npm run bench${argv.length ? ` -- ${shell(argv)}` : ''}`,
};
log(`${results.command}: ${only.join(', ')} (${mode}); background CPU ${pct(results.busyAtStart.background)}, load ${results.busyAtStart.loadavg.join(' ')}`);
if (only.length < SECTIONS.length && existsSync(RESULTS_FILE)) {
  const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
  for (const s of SECTIONS) if (!only.includes(s) && previous[s]) (results as unknown as Record<string, unknown>)[s] = previous[s];
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(0)}%`;
}

/** Loads done in this run, by store name, so each corpus is loaded (and measured) once per run. */
const loads = new Map<string, LoadFigures | Error>();
async function load(name: string, corpus: string, allowPrevious = false): Promise<LoadFigures> {
  const done = loads.get(name) ?? (allowPrevious ? previousLoad(name, corpus) : null);
  if (done instanceof Error) throw done; // failed earlier in this run: do not spend the time again
  if (done) return done;
  log(`loading ${shown(corpus)} into ${name} (batch size ${batchSize})`);
  try {
    const f = await loadStore(name, corpus, batchSize);
    log(`  ${f.papers} papers in ${f.wallSeconds.toFixed(1)} s = ${f.papersPerSecond.toFixed(0)} papers/s, peak RSS ${f.peakRssMB} MB, ${(f.diskBytes / 1e6).toFixed(0)} MB on disk`);
    loads.set(name, f);
    return f;
  } catch (e) {
    loads.set(name, e as Error);
    throw e;
  }
}

/** Runs one part of a section; a failure is logged, kept in the figures and makes the exit code 1. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (e) {
    const error = (e as Error).message;
    log(`!! ${what} failed: ${error}`);
    process.exitCode = 1;
    return { error };
  }
}

async function section<T>(name: SectionName, run: () => Promise<T>): Promise<void> {
  if (!only.includes(name)) return;
  const busy: Busyness = await busyness();
  log(`== ${name} (background CPU ${pct(busy.background)}, load ${busy.loadavg.join(' ')})`);
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const started = performance.now();
  const s: Section<T> = { mode, startedAt, seconds: 0, busy };
  try {
    s.figures = await run();
  } catch (e) {
    s.error = (e as Error).message;
    log(`!! ${name} failed: ${s.error}`);
    process.exitCode = 1;
  }
  s.seconds = Math.round((performance.now() - started) / 1000);
  (results as unknown as Record<string, unknown>)[name] = s;
  write(); // after every section, so an interrupted run still leaves what it measured
}

function write(): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(REPORT_FILE, renderReport(results));
}

// Issue 2: parse + extract throughput, by scripts/bench-ingest.ts in its own process.
await section<IngestFigures>('ingest', async () => {
  const script = 'scripts/bench-ingest.ts';
  if (!existsSync(join(ROOT, script))) throw new Error(`${script} is missing`);
  const corpus = await ensureCorpus(LARGE, log);
  const args = [script, '--papers', String(LARGE), '--corpus', shown(corpus), '--json'];
  // Runs of one build spread by ±15% on a shared machine: the figures are the median run's, with the range beside them.
  type Printed = Omit<IngestFigures, 'externalPeakRssMB' | 'command' | 'corpus' | 'runs' | 'wholeRangePapersPerSec'>;
  const runs: Array<{ j: Printed; r: Measured }> = [];
  for (let k = 0; k < INGEST_RUNS; k++) {
    const r = await runMeasured([process.execPath, '--import', 'tsx', ...args], { shownArgv: ['npx', 'tsx', ...args] });
    const j = lastJson<Printed>(r.stdout);
    if (r.code !== 0 || !j) throw new Error(`${script} failed (exit ${r.code}): ${r.stderr.slice(-800)}`);
    log(`  run ${k + 1}/${INGEST_RUNS}: parse+extract ${j.wholePapersPerSec} papers/s (read ${j.readPapersPerSec}, extract ${j.extractPapersPerSec}), peak RSS ${j.peakRssMB} MB`);
    runs.push({ j, r });
  }
  runs.sort((a, b) => a.j.wholePapersPerSec - b.j.wholePapersPerSec);
  const { j, r } = runs[runs.length >> 1];
  return {
    papers: j.papers,
    corpus: shown(corpus),
    readPapersPerSec: j.readPapersPerSec,
    extractPapersPerSec: j.extractPapersPerSec,
    wholePapersPerSec: j.wholePapersPerSec,
    extractUsPerPaper: j.extractUsPerPaper,
    peakRssMB: Math.max(...runs.map((x) => x.j.peakRssMB)),
    externalPeakRssMB: Math.max(...runs.map((x) => x.r.peakRssMB ?? 0)) || null,
    runs: runs.length,
    wholeRangePapersPerSec: [runs[0].j.wholePapersPerSec, runs[runs.length - 1].j.wholePapersPerSec],
    command: r.command,
  };
});

// Issue 3: end-to-end loads (parse, extract, write) of the seed corpus and the large synthetic one.
await section<StoreFigures>('store', async () => {
  const loaded: StoreFigures['loads'] = [];
  for (const [name, corpus] of [
    ['seed', SEED_CORPUS],
    [synthetic(LARGE), await ensureCorpus(LARGE, log)],
  ] as const) {
    const f = await attempt(`load ${name}`, () => load(name, corpus));
    loaded.push('error' in f ? { name, corpus: shown(corpus), error: f.error, command: loadCommand(name, corpus, batchSize) } : f);
  }
  return { loads: loaded };
});

const apiCommand = (dataDir: string, extra: string[] = []) =>
  shell(['npx', 'tsx', 'scripts/bench-api.ts', '--data-dir', dataDir, '--duration', String(duration), '--connections', String(connections), ...extra]);

/** API results of this run by store name: scaling reuses the large store's (same runs, same settings). */
const apiRuns = new Map<string, ScenarioFigures[]>();

// Issue 4: the API on the seed graph and on the large synthetic graph, against the bare-http ceiling.
await section<ApiFigures>('api', async () => {
  const runs: ApiFigures['runs'] = [];
  for (const [name, corpus, p99TargetMs, targetPapers] of [
    ['seed', SEED_CORPUS, TARGETS.api.seedP99Ms, null],
    [synthetic(LARGE), await ensureCorpus(LARGE, log), TARGETS.api.largeP99Ms, TARGETS.api.largePapers],
  ] as const) {
    const extra = p99TargetMs === TARGETS.api.seedP99Ms ? [] : ['--p99-target', String(p99TargetMs)];
    const run = await attempt(`API on ${name}`, async () => {
      const store = await load(name, corpus, values['reuse-stores']);
      log(`API on ${name} (${store.papers} papers), ${connections} connections, ${duration} s per run`);
      const res = await runApiBench({ dataDir: store.dataDir, duration, connections, log });
      apiRuns.set(name, res);
      return { store: name, papers: store.papers, p99TargetMs, targetPapers, results: res, command: apiCommand(store.dataDir, extra) };
    });
    runs.push('error' in run ? { store: name, papers: 0, p99TargetMs, targetPapers, results: [], command: apiCommand(shown(storeDir(name)), extra), error: run.error } : run);
  }
  return { duration, connections, runs };
});

// Issue 5: cost growth from 1k to 100k papers: load time, store size, uncached lineage and search p99.
await section<ScalingFigures>('scaling', async () => {
  const rows: ScalingFigures['rows'] = [];
  for (const n of SCALING_SIZES) {
    const row = await attempt(`scaling at ${n}`, () => scalingRow(n));
    rows.push('error' in row ? { papers: n, error: row.error } : row);
  }
  return { duration, connections, rows };
});

async function scalingRow(n: number): Promise<ScalingFigures['rows'][number]> {
  {
    const store = await load(synthetic(n), await ensureCorpus(n, log));
    const scenarios: Scenario[] = ['lineage', 'search'];
    const reused = apiRuns.get(store.name);
    if (reused) log(`uncached lineage and search on ${store.name}: from the API section`);
    else log(`uncached lineage and search on ${store.name}`);
    const res = reused ?? (await runApiBench({ dataDir: store.dataDir, duration, connections, scenarios, full: false, log }));
    const pick = (s: Scenario) => res.find((r) => r.scenario === s)!;
    const command = reused
      ? apiCommand(store.dataDir, ['--p99-target', String(TARGETS.api.largeP99Ms)])
      : apiCommand(store.dataDir, ['--scenarios', 'lineage,search', '--uncached-only']);
    return { papers: n, load: store, lineage: pick('lineage'), search: pick('search'), fromApiSection: !!reused, command };
  }
}

write();
log(`wrote ${shown(REPORT_FILE)} and ${shown(RESULTS_FILE)} in ${((performance.now() - t0) / 60000).toFixed(1)} min`);
