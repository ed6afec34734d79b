// API throughput: autocannon against three queries, uncached and cached, next to a bare `http`
// server answering a fixed body of the same size (the ceiling), all in one run. The figures in
// BENCHMARKS.md come from `npm run bench`, which calls the same function (scripts/bench-lib/api.ts).
//
//   npx tsx scripts/bench-api.ts [--data-dir DIR] [--duration SECONDS] [--connections N]
//                                [--scenarios papers,lineage,search] [--uncached-only] [--p99-target MS] [--json]
//
// Without --data-dir the seed corpus (data/) is loaded into a temporary store first (`kg load`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_SCENARIOS, runApiBench, SCENARIOS, type Scenario } from './bench-lib/api.ts';
import { AS_OF, ROOT } from './bench-lib/paths.ts';

export const TARGET_CACHED_SHARE = 0.4;
export const TARGET_UNCACHED_P99_MS = 50;

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    scenarios: { type: 'string', default: ALL_SCENARIOS.join(',') },
    'uncached-only': { type: 'boolean', default: false },
    'p99-target': { type: 'string', default: String(TARGET_UNCACHED_P99_MS) },
    json: { type: 'boolean', default: false },
  },
});
const scenarios = values.scenarios.split(',').map((s) => s.trim()) as Scenario[];
for (const s of scenarios) {
  if (!(s in SCENARIOS)) {
    console.error(`unknown scenario "${s}"; known: ${ALL_SCENARIOS.join(', ')}`);
    process.exit(2);
  }
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const p99Target = Number(values['p99-target']);

let dataDir = values['data-dir'];
let temp: string | undefined;
if (!dataDir) {
  dataDir = temp = mkdtempSync(join(tmpdir(), 'kg-bench-'));
  execFileSync(process.execPath, ['bin/kg.js', 'load', 'data', '--data-dir', dataDir, '--as-of', AS_OF], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
try {
  const full = !values['uncached-only'];
  const results = await runApiBench({ dataDir, duration, connections, scenarios, full, log: values.json ? undefined : (s) => console.error(s) });
  if (values.json) console.log(JSON.stringify({ dataDir, duration, connections, results }));
  else {
    let ok = true;
    const fmt = (r?: { rps: number; p99: number }) => (r ? `${r.rps.toFixed(0)} / ${r.p99}` : '-');
    console.log(`\n${connections} connections, ${duration} s per run; req/s / p99 ms.\n`);
    console.log('| query | body bytes | bare http (ceiling) | uncached | cached | cached / ceiling | meets targets |');
    console.log('|---|---:|---:|---:|---:|---:|:---:|');
    for (const r of results) {
      const share = r.cached && r.ceiling ? r.cached.rps / r.ceiling.rps : undefined;
      const pass =
        !r.skipped &&
        !!r.uncached?.requests &&
        (share === undefined || share >= TARGET_CACHED_SHARE) &&
        r.uncached.p99 <= p99Target &&
        !r.uncached.errors &&
        !(r.cached?.errors ?? 0);
      if (r.skipped) console.log(`<!-- ${r.scenario}: ${r.skipped} -->`);
      ok &&= pass;
      console.log(
        `| ${r.label} | ${r.bodyBytes} | ${fmt(r.ceiling)} | ${fmt(r.uncached)} | ${fmt(r.cached)} | ${share === undefined ? '-' : `${(share * 100).toFixed(0)}%`} | ${pass ? 'yes' : 'NO'} |`,
      );
    }
    console.log(`\nTargets: cached >= ${TARGET_CACHED_SHARE * 100}% of the ceiling; uncached p99 <= ${p99Target} ms.`);
    process.exitCode = ok ? 0 : 1;
  }
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
