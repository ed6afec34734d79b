// Renders BENCHMARKS.md from the figures of a run (bench-out/results.json holds the same data).
import { availableParallelism } from 'node:os';
import type { ScenarioFigures } from './api.ts';
import type { Busyness } from './machine.ts';
import type { KuzuSteps, LoadFigures } from './store.ts';
import { BUSY_THRESHOLD, TARGETS } from './targets.ts';
import type { Results, ScalingRow, Section } from './types.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${int(bytes / 1e6)} MB`;
const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`);
const ms = (n: number) => `${int(n)} ms`;
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const k = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const verdict = (ok: boolean, indicative = false) => (indicative ? (ok ? 'pass*' : 'FAIL*') : ok ? 'pass' : '**FAIL**');
const code = (s: string) => `\`${s}\``;

function isProvisional(b: Busyness | undefined): boolean {
  return b?.background != null && b.background > BUSY_THRESHOLD;
}

function sectionHeader(s: Section<unknown>): string {
  const busy = `background CPU ${pct(s.busy.background)} of all cores, load average ${s.busy.loadavg.join(' / ')}`;
  const flags = [s.mode === 'quick' ? '`--quick`' : 'full', isProvisional(s.busy) ? '**provisional: machine busy**' : null].filter(Boolean).join(', ');
  return `_Measured ${s.startedAt} (${flags}; ${busy}; took ${s.seconds} s)._\n`;
}

interface SummaryRow {
  issue: string;
  figure: string;
  measured: string;
  target: string;
  result: string;
  command: string;
}

/** The uncached p99 as a cell, and whether it meets `target` (ms). */
function uncachedP99(r: ScenarioFigures, target = Infinity): { text: string; ms: number | null; ok: boolean } {
  if (r.error) return { text: `query failed: ${cellText(r.error, 200)}`, ms: null, ok: false };
  if (r.skipped) {
    const what = r.single.completed ? `≥ ${ms(r.single.ms)}` : `> ${ms(r.single.ms)}`;
    return { text: `${what} (not load-tested: one request alone, ${size(r.bodyBytes)} body)`, ms: null, ok: false };
  }
  const u = r.uncached;
  if (!u || u.requests === 0) return { text: 'no response within the run', ms: null, ok: false };
  return { text: `${ms(u.p99)}${u.errors ? ` (${u.errors} errors)` : ''}`, ms: u.p99, ok: u.p99 <= target && u.errors === 0 };
}

/** The Kùzu steps' total time. */
const kuzuSeconds = (k: KuzuSteps) => k.copySeconds + k.ftsSeconds + k.otherSeconds;

/** Figures saved before the trace was read have no Kùzu steps. */
function kuzuCell(k: KuzuSteps | undefined): string {
  if (!k) return 'n/a';
  return `${kuzuSeconds(k).toFixed(1)} s (${k.copySeconds.toFixed(1)} · ${k.ftsSeconds.toFixed(1)} · ${k.otherSeconds.toFixed(1)})`;
}

/** How much of the time the rate target allows the Kùzu steps alone took. */
function floorNote(l: LoadFigures): string {
  const kuzu = kuzuSeconds(l.kuzu);
  const budget = l.papers / TARGETS.store.papersPerSec;
  return `At ${int(l.papers)} papers, ≥ ${int(TARGETS.store.papersPerSec)} papers/s allows ${budget.toFixed(1)} s in all; the Kùzu steps alone took ${kuzu.toFixed(1)} s (${pct(kuzu / budget)} of it), the full-text index builds ${l.kuzu.ftsSeconds.toFixed(1)} s of that. The index over titles and abstracts grows with the text, and synthetic papers are shorter than real ones: \`npx tsx scripts/bench-fts.ts\` builds it alone for 100,000 papers at the seed corpus's mean length (1,487 characters).\n`;
}

/** Text safe in a table cell: one line, no pipes, bounded. */
function cellText(s: string, max = 300): string {
  const one = s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function apiShare(r: ScenarioFigures): number | null {
  return r.cached && r.ceiling && r.ceiling.rps > 0 ? r.cached.rps / r.ceiling.rps : null;
}

export function renderReport(res: Results): string {
  const m = res.machine;
  const summary: SummaryRow[] = [];
  const body: string[] = [];
  const sections = [res.ingest, res.store, res.api, res.scaling].filter(Boolean) as Section<unknown>[];
  const anyQuick = sections.some((s) => s.mode === 'quick');
  const anyBusy = sections.some((s) => isProvisional(s.busy)) || isProvisional(res.busyAtStart);

  // Issue 2
  body.push('## Ingestion: parse + extract (issue 2)\n');
  if (res.ingest) {
    body.push(sectionHeader(res.ingest));
    const f = res.ingest.figures;
    if (f) {
      const indicative = f.papers !== TARGETS.ingest.papers;
      // Several runs give a median and its range (figures saved before that have neither).
      const range = (f.runs ?? 1) > 1 ? f.wholeRangePapersPerSec : undefined;
      body.push(
        `${int(f.papers)} synthetic papers (${code(f.corpus)}), CPU time of one process (\`process.cpuUsage\`), so the rate is per core.${range ? ` The command ran ${f.runs} times: throughput is the median run's (by parse + extract), peak RSS the highest.` : ''}\n`,
        '| figure | measured | target | result |',
        '|---|---:|---:|:---:|',
        `| read + deduplicate | ${int(f.readPapersPerSec)} papers/s | | |`,
        `| extract (best of the passes, warm JIT) | ${int(f.extractPapersPerSec)} papers/s (${f.extractUsPerPaper} µs/paper) | | |`,
        `| parse + extract (read + first extraction pass) | ${int(f.wholePapersPerSec)} papers/s${range ? ` (runs: ${int(range[0])}–${int(range[1])})` : ''} | ≥ ${int(TARGETS.ingest.papersPerSec)} papers/s | ${verdict(f.wholePapersPerSec >= TARGETS.ingest.papersPerSec, indicative)} |`,
        `| peak RSS | ${int(f.peakRssMB)} MB (from outside: ${f.externalPeakRssMB ?? 'n/a'} MB) | ≤ ${int(TARGETS.ingest.peakRssMB)} MB | ${verdict(f.peakRssMB <= TARGETS.ingest.peakRssMB, indicative)} |`,
        '',
        `Command: ${code(f.command)}\n`,
      );
      summary.push(
        { issue: '2', figure: `parse + extract, ${k(f.papers)} papers, one core`, measured: `${int(f.wholePapersPerSec)} papers/s`, target: `≥ ${int(TARGETS.ingest.papersPerSec)} papers/s`, result: verdict(f.wholePapersPerSec >= TARGETS.ingest.papersPerSec, indicative), command: f.command },
        { issue: '2', figure: `ingestion peak RSS, ${k(f.papers)} papers`, measured: `${int(f.peakRssMB)} MB`, target: `≤ ${int(TARGETS.ingest.peakRssMB)} MB`, result: verdict(f.peakRssMB <= TARGETS.ingest.peakRssMB, indicative), command: f.command },
      );
    } else body.push(`Not measured: ${res.ingest.error}\n`);
  } else body.push('Not run yet: `npm run bench -- --only ingest`.\n');

  // Issue 3
  body.push('## Store load, end to end (issue 3)\n');
  if (res.store) {
    body.push(sectionHeader(res.store));
    const f = res.store.figures;
    if (f) {
      body.push(
        '`kg load` in a child process: parse, extract, resolve and write into a fresh embedded (Kùzu) store. Wall time from process start to exit, so it includes Node and tsx start-up and the migrations; peak RSS of the child from GNU `time -v` (VmHWM polling where that is missing). **Kùzu steps**: the wall time of the writer\'s own Kùzu statements (`KG_WRITER_TRACE=1`): node and relationship `COPY`s, the full-text index builds, checkpoints and reopens. Nothing else runs while they do, so they are a floor that no speed-up of parsing, extraction or staging lowers.\n',
        '| corpus | papers | batch size | nodes / relationships written | wall time | of which Kùzu steps (COPY · FTS · other) | papers/s | peak RSS | store on disk | targets (papers/s, RSS) | result |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|:---:|',
      );
      const floors: string[] = [];
      for (const l of f.loads) {
        const seed = l.name === 'seed';
        if ('error' in l) {
          const err = cellText(l.error);
          body.push(`| ${code(l.corpus)} | — | — | — | — | — | — | — | — | — | **FAILED**: ${err} |`);
          summary.push({ issue: '3', figure: `store load, ${seed ? 'seed corpus (data/)' : code(l.corpus)}`, measured: `load failed: ${err}`, target: seed ? '—' : `≥ ${int(TARGETS.store.papersPerSec)} papers/s`, result: '**FAIL**', command: l.command });
          continue;
        }
        const indicative = !seed && l.papers !== TARGETS.store.papers;
        const rateOk = l.papersPerSecond >= TARGETS.store.papersPerSec;
        const rssOk = l.peakRssMB !== null && l.peakRssMB <= TARGETS.store.peakRssMB;
        const target = seed ? `(rate: none, start-up dominated), ≤ ${int(TARGETS.store.peakRssMB)} MB` : `≥ ${int(TARGETS.store.papersPerSec)}, ≤ ${int(TARGETS.store.peakRssMB)} MB`;
        const result = seed ? verdict(rssOk) : verdict(rateOk && rssOk, indicative);
        body.push(
          `| ${code(l.corpus)} | ${int(l.papers)} | ${int(l.batchSize)} | ${int(l.nodes)} / ${int(l.relationships)} | ${l.wallSeconds.toFixed(1)} s | ${kuzuCell(l.kuzu)} | ${int(l.papersPerSecond)} | ${l.peakRssMB ?? 'n/a'} MB | ${mb(l.diskBytes)} | ${target} | ${result} |`,
        );
        if (!seed && l.kuzu) floors.push(floorNote(l));
        const label = seed ? 'seed corpus (data/)' : `${k(l.papers)} synthetic papers`;
        if (!seed) {
          summary.push({ issue: '3', figure: `store load, ${label}, batch ${int(l.batchSize)}`, measured: `${int(l.papersPerSecond)} papers/s`, target: `≥ ${int(TARGETS.store.papersPerSec)} papers/s`, result: verdict(rateOk, indicative), command: l.command });
        } else {
          summary.push({ issue: '3', figure: `store load, ${label}`, measured: `${int(l.papersPerSecond)} papers/s (${l.wallSeconds.toFixed(1)} s)`, target: '—', result: 'info', command: l.command });
        }
        summary.push({ issue: '3', figure: `store load peak RSS, ${label}`, measured: `${l.peakRssMB ?? 'n/a'} MB`, target: `≤ ${int(TARGETS.store.peakRssMB)} MB`, result: verdict(rssOk, !seed && indicative), command: l.command });
      }
      body.push('', ...floors, 'Commands:', ...f.loads.map((l) => `- ${code(l.command)}`), '');
    } else body.push(`Not measured: ${res.store.error}\n`);
  } else body.push('Not run yet: `npm run bench -- --only store`.\n');

  // Issue 4
  body.push('## API throughput and latency (issue 4)\n');
  if (res.api) {
    body.push(sectionHeader(res.api));
    const f = res.api.figures;
    if (f) {
      body.push(
        `autocannon, ${f.connections} connections, ${f.duration} s per run after 1 s of unmeasured warm-up, against the API served by \`kg serve\`'s setup in a child process: a read-only embedded store answering from its in-memory read model (\`KG_READ_MODEL=memory\`, the default; the copy is made before the first request), one API process per core (\`KG_WORKERS\`, \`kg serve --workers\`; ${process.env.KG_WORKERS ?? availableParallelism()} here) and \`NODE_ENV=production\`, as a production deployment runs it. **Ceiling**: a bare Node \`http\` server in the same child answering a fixed body of the same size. **Uncached**: every request carries a different unused variable, so the response cache cannot answer and the resolvers and store reads run each time (the operation itself runs compiled from its second request on, as any repeated operation does, see README \"HTTP\"). **Cached**: the identical request repeated. Cells are req/s · p99.\n`,
      );
      for (const run of f.runs) {
        if (run.error) {
          body.push(`### ${run.store === 'seed' ? 'Seed graph (`data/`)' : `Synthetic graph (${run.store})`}\n`, `**Not measured**: ${cellText(run.error)}\n`);
          summary.push({ issue: '4', figure: `API on ${run.store}`, measured: `not measured: ${cellText(run.error)}`, target: `p99 ≤ ${run.p99TargetMs} ms`, result: '**FAIL**', command: run.command });
          continue;
        }
        const indicative = run.targetPapers !== null && run.papers !== run.targetPapers;
        body.push(
          `### ${run.store === 'seed' ? 'Seed graph (`data/`)' : 'Synthetic graph'}: ${int(run.papers)} papers${indicative ? ` (the p99 target is stated for ${int(run.targetPapers!)})` : ''}\n`,
          '| query | body | ceiling | uncached | cached | cached / ceiling (≥ 40%) | uncached p99 (≤ ' + run.p99TargetMs + ' ms) | errors |',
          '|---|---:|---:|---:|---:|---:|---:|---:|',
        );
        for (const r of run.results) {
          const share = apiShare(r);
          const shareOk = share !== null && share >= TARGETS.api.cachedShare;
          const p99 = uncachedP99(r, run.p99TargetMs);
          const p99Ok = p99.ok;
          const errors = (r.ceiling?.errors ?? 0) + (r.uncached?.errors ?? 0) + (r.cached?.errors ?? 0);
          const cell = (x?: { rps: number; p99: number }) => (x ? `${int(x.rps)} · ${ms(x.p99)}` : '—');
          body.push(
            `| ${r.label} | ${size(r.bodyBytes)} | ${cell(r.ceiling)} | ${cell(r.uncached)} | ${cell(r.cached)} | ${pct(share)} ${verdict(shareOk)} | ${p99.text} ${verdict(p99Ok, indicative)} | ${errors} |`,
          );
          const where = run.store === 'seed' ? 'seed' : `${k(run.papers)}`;
          summary.push(
            { issue: '4', figure: `${r.scenario} cached / ceiling, ${where}`, measured: r.skipped ? 'not load-tested' : `${pct(share)} (${int(r.cached?.rps ?? 0)} of ${int(r.ceiling?.rps ?? 0)} req/s)`, target: '≥ 40%', result: verdict(shareOk), command: run.command },
            { issue: '4', figure: `${r.scenario} uncached p99, ${where}, ${f.connections} conn.`, measured: p99.text, target: `≤ ${run.p99TargetMs} ms`, result: verdict(p99Ok, indicative), command: run.command },
          );
        }
        body.push('', `Command: ${code(run.command)}\n`);
      }
    } else body.push(`Not measured: ${res.api.error}\n`);
  } else body.push('Not run yet: `npm run bench -- --only api`.\n');

  // Issue 5
  body.push('## Scaling from 1k to 100k papers (issue 5)\n');
  if (res.scaling) {
    body.push(sectionHeader(res.scaling));
    const f = res.scaling.figures;
    if (f) {
      const ok = f.rows.filter((r): r is ScalingRow => !('error' in r));
      body.push(
        `Synthetic corpora of each size loaded end to end as in issue 3 (same command, batch size ${int(ok[0]?.load.batchSize ?? 0)}); uncached \`lineage\` and \`search\` as in issue 4 (${f.connections} connections, ${f.duration} s). "×" is the growth over the previous row.\n`,
        '| papers | load time | papers/s | peak RSS | store on disk | lineage p99 | lineage req/s | search p99 | search req/s |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      );
      let prev: ScalingRow | undefined;
      const grow = (a: number, b: number | undefined) => (b ? ` (×${(a / b).toFixed(1)})` : '');
      const q = (r: ScenarioFigures, before?: ScenarioFigures) => {
        const now = uncachedP99(r);
        const was = before ? uncachedP99(before).ms : null;
        return `${now.text}${now.ms !== null && was ? grow(now.ms, was) : ''} | ${r.uncached && !r.skipped ? int(r.uncached.rps) : '—'}`;
      };
      for (const r of f.rows) {
        if ('error' in r) {
          body.push(`| ${int(r.papers)} | **FAILED**: ${cellText(r.error)} | | | | | | | |`);
          prev = undefined;
          continue;
        }
        const l: LoadFigures = r.load;
        body.push(
          `| ${int(r.papers)} | ${l.wallSeconds.toFixed(1)} s${grow(l.wallSeconds, prev?.load.wallSeconds)} | ${int(l.papersPerSecond)} | ${l.peakRssMB ?? 'n/a'} MB | ${mb(l.diskBytes)}${grow(l.diskBytes, prev?.load.diskBytes)} | ${q(r.lineage, prev?.lineage)} | ${q(r.search, prev?.search)} |`,
        );
        prev = r;
      }
      const reused = ok.filter((r) => r.fromApiSection).map((r) => int(r.papers));
      if (reused.length) body.push('', `The ${reused.join(', ')}-paper row reuses the API section's uncached runs on the same store (same settings).`);
      body.push('', 'Commands:', ...ok.flatMap((r) => [`- ${code(r.load.command)}`, `- ${code(r.command)}`]), '');
      const bodies = ok.map((r) => `${size(r.lineage.bodyBytes)} at ${k(r.papers)}`).join(', ');
      body.push(`\`lineage\` response size: ${bodies}.\n`);
    } else body.push(`Not measured: ${res.scaling.error}\n`);
  } else body.push('Not run yet: `npm run bench -- --only scaling`.\n');

  const head: string[] = [
    '# Benchmarks',
    '',
    `<!-- Generated by \`npm run bench\` (scripts/bench.ts); rerun it instead of editing. Raw figures: bench-out/results.json. -->`,
  ];
  if (anyBusy || anyQuick) {
    const why = [
      anyBusy
        ? `the machine was busy with other work (background CPU before the run: ${pct(res.busyAtStart.background)} of ${m.cores} cores, load average ${res.busyAtStart.loadavg.join(' / ')}; per-section figures below)`
        : null,
      anyQuick ? '`--quick` sizes (10k synthetic papers instead of 100k; results against 100k targets are marked *)' : null,
    ].filter(Boolean);
    head.push('', `> **Provisional figures**: ${why.join('; and ')}. Rerun \`npm run bench\` on a quiet machine for the reference figures.`);
  }
  head.push(
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu} |`,
    `| cores | ${m.cores} |`,
    `| RAM | ${m.ramGB} GiB |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| commit | ${m.commit} |`,
    `| date | ${m.date} |`,
    `| produced by | ${code(res.command)} |`,
    '',
    '## Summary',
    '',
    '"pass*"/"FAIL*": measured at a smaller size than the target is stated for (`--quick`), indicative only.',
    '',
    '| issue | figure | measured | target | result | command |',
    '|:---:|---|---:|---:|:---:|---|',
    ...summary.map((r) => `| ${r.issue} | ${r.figure} | ${r.measured} | ${r.target} | ${r.result} | ${r.command ? code(r.command) : ''} |`),
    '',
  );
  const tail = [
    '## Reproducing',
    '',
    '- `npm run bench`: everything at 100k papers (10 to 15 minutes on the 2-core machine at the speeds above); rewrites this file and `bench-out/results.json` after each section.',
    '- `npm run bench -- --quick`: 10k instead of 100k papers and 3 s autocannon runs, a fast check of the harness.',
    '- `npm run bench -- --only ingest|store|api|scaling` (comma-separated for several): those sections only; the others keep their previous figures. `--reuse-stores` lets `--only api` serve the stores an earlier run loaded.',
    '- Synthetic corpora (`scripts/bench-corpus.ts`, seed 1, 2,000 papers per listing file) are generated once into `bench-out/corpus-<N>` and reused until the generator or the lexicons change; stores are loaded into `bench-out/store/<name>`.',
    '- Each command above runs standalone from the project root after a bench run has created the corpora and stores; the API commands need the store loaded by the load command before them.',
    '- Benchmarks are not tests: the vitest suite asserts no timings.',
    '',
  ];
  return [...head, ...body, ...tail].join('\n');
}
