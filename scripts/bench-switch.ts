// How long a serving process's event loop is held while it opens a generation into the in-memory
// read model (the copy, then the text indexes), as `kg serve` does at start and after every load:
// requests arriving meanwhile wait at least that long. Reports the open's wall time, the longest
// gap between two 1 ms timer ticks, and the 99th percentile of event-loop delay.
// usage: tsx scripts/bench-switch.ts --data-dir bench-out/store/synthetic-100000 [--json]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
if (!values['data-dir']) {
  console.error('usage: tsx scripts/bench-switch.ts --data-dir DIR [--json]');
  process.exit(2);
}

const store = await openStore(loadConfig({ dataDir: values['data-dir'], store: 'embedded' }, {}), { readOnly: true, readModel: 'memory' });
const delay = monitorEventLoopDelay({ resolution: 1 });
let longestGapMs = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestGapMs = Math.max(longestGapMs, now - last);
  last = now;
}, 1);
delay.enable();
const started = performance.now();
await store.graphVersion();
const openSeconds = (performance.now() - started) / 1000;
// Let the ticker run once more: a block just before the open resolved would otherwise go unseen.
await new Promise((resolve) => setTimeout(resolve, 5));
delay.disable();
clearInterval(ticker);
await store.close();

const result = { openSeconds, longestGapMs: Math.round(longestGapMs), p99DelayMs: Math.round(delay.percentile(99) / 1e6) };
console.log(values.json ? JSON.stringify(result) : `open ${openSeconds.toFixed(1)} s; event loop held at most ${result.longestGapMs} ms; p99 delay ${result.p99DelayMs} ms`);
