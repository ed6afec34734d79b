// The API benchmark as a function: autocannon against three queries on a loaded store, uncached and
// cached, next to a bare `http` server answering a fixed body of the same size (the ceiling), in one
// run. "Uncached" requests carry a different unused variable each time: the response caches key on
// the request body and variables, so every request runs the resolvers and the store queries (parsing
// and validation stay cached, as for any repeated query shape).
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
  requests?: { setupRequest: (req: { body?: string }) => { body?: string } }[];
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const SCENARIOS = {
  papers: {
    label: 'papers(first: 20) + methods + benchmarks',
    query: '{ papers(first: 20) { nodes { id title methods { id name benchmarks { id name } } } } }',
  },
  lineage: {
    label: 'lineage(method:flashattention, depth: 3)',
    query:
      '{ lineage(id: "method:flashattention", depth: 3) { nodes { id name type } edges { source target type evidence paper { id title } } } }',
  },
  search: {
    label: 'search("sparse attention", first: 20)',
    query:
      '{ search(query: "sparse attention", first: 20) { score snippet node { id ... on Paper { title } ... on Method { name } } } }',
  },
} as const;
export type Scenario = keyof typeof SCENARIOS;
export const ALL_SCENARIOS = Object.keys(SCENARIOS) as Scenario[];

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export interface ScenarioFigures {
  scenario: Scenario;
  label: string;
  bodyBytes: number;
  ceiling?: Run;
  uncached?: Run;
  cached?: Run;
  /** One sequential uncached request before the load runs: its latency (ms) and whether it completed in time. */
  single: { ms: number; completed: boolean };
  /** Why the load runs were skipped (a single request already far beyond every target), when they were. */
  skipped?: string;
  /** The query failed (GraphQL errors or HTTP status): nothing measured. */
  error?: string;
}

export interface ApiOptions {
  dataDir: string;
  duration: number;
  connections: number;
  scenarios?: Scenario[];
  /** Also measure the bare-http ceiling and the cached path (default true); false = uncached only. */
  full?: boolean;
  /** Seconds of unmeasured uncached load before each scenario (JIT, store page cache). */
  warmup?: number;
  log?: (s: string) => void;
  /**
   * A scenario whose single sequential request takes longer than this (ms) is not load-tested: 20
   * connections of it would only pile up work that outlasts the run and skews the next one.
   */
  singleLimitMs?: number;
}

/** How long one request may take in the sequential probe before giving up on it. */
const PROBE_TIMEOUT_MS = 30_000;

function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: Record<string, unknown>) => {
      if (key in msg) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(msg[key] as T);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`API server process exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function hammer(url: string, opts: { duration: number; connections: number; query?: string; varying?: boolean }): Promise<Run> {
  let nonce = 0;
  const body = (n?: number) => JSON.stringify({ query: opts.query, ...(n === undefined ? {} : { variables: { nonce: n } }) });
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    method: opts.query ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: opts.query ? body() : undefined,
    requests: opts.varying ? [{ setupRequest: (req) => ({ ...req, body: body(nonce++) }) }] : undefined,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
}

async function post(url: string, body: unknown): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const text = await res.text();
  let errors: unknown;
  try {
    errors = (JSON.parse(text) as { errors?: unknown }).errors;
  } catch {
    errors = 'not JSON';
  }
  if (!res.ok || errors) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * Waits until the server has worked off what a run left in flight (requests autocannon abandoned at
 * the end of its duration still run to completion): /readyz pings the store, so it answers fast
 * only once the store and the event loop are free again.
 */
async function settle(baseUrl: string, maxMs = 180_000): Promise<void> {
  const until = Date.now() + maxMs;
  let fast = 0;
  while (fast < 3 && Date.now() < until) {
    const t = performance.now();
    try {
      await (await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(30_000) })).arrayBuffer();
    } catch {
      /* still busy */
    }
    fast = performance.now() - t < 50 ? fast + 1 : 0;
    if (fast < 3) await new Promise((r) => setTimeout(r, 100));
  }
}

interface ServerChild {
  child: ChildProcess;
  base: string;
  bare: string;
  stop(): Promise<void>;
}

async function startServer(dataDir: string): Promise<ServerChild> {
  const child = fork(join(ROOT, 'scripts/bench-lib/api-server.ts'), ['--data-dir', dataDir], {
    cwd: ROOT,
    // BENCH_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=bench-out/prof`.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    // As deployed (the Docker image sets it): graphql-js skips its development-time checks.
    // One API worker per core unless KG_WORKERS says otherwise (`kg serve --workers`).
    env: { ...process.env, NODE_ENV: 'production', KG_WORKERS: process.env.KG_WORKERS ?? String(availableParallelism()) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send({ stop: true });
      // A server still chewing on an abandoned request gets 10 s to stop, then is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    const ports = await nextMessage<{ api: number; bare: number }>(child, 'ports');
    return { child, base: `http://127.0.0.1:${ports.api}`, bare: `http://127.0.0.1:${ports.bare}`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Each scenario gets a fresh server process (one store, warmed by its own probe and warm-up), so
 * work a slow scenario leaves behind cannot skew the next one.
 */
export async function runApiBench(opts: ApiOptions): Promise<ScenarioFigures[]> {
  const { duration, connections } = opts;
  const full = opts.full ?? true;
  const warmup = opts.warmup ?? 1;
  const singleLimitMs = opts.singleLimitMs ?? 2_000;
  const log = opts.log ?? (() => {});
  const out: ScenarioFigures[] = [];
  for (const name of opts.scenarios ?? ALL_SCENARIOS) {
    const { label, query } = SCENARIOS[name];
    const server = await startServer(opts.dataDir);
    try {
      const apiUrl = `${server.base}/graphql`;
      let body = '';
      let single: ScenarioFigures['single'];
      try {
        body = await post(apiUrl, { query });
        // One sequential uncached request (the one above warmed the process up).
        const t = performance.now();
        await post(apiUrl, { query, variables: { nonce: -1 } });
        single = { ms: Math.round(performance.now() - t), completed: true };
      } catch (e) {
        if ((e as Error).name !== 'TimeoutError') {
          const error = `${name} query failed: ${(e as Error).message}`;
          log(`  ${error}`);
          out.push({ scenario: name, label, bodyBytes: 0, single: { ms: 0, completed: false }, skipped: error, error });
          continue;
        }
        single = { ms: PROBE_TIMEOUT_MS, completed: false };
      }
      const figures: ScenarioFigures = { scenario: name, label, bodyBytes: Buffer.byteLength(body), single };
      out.push(figures);
      if (!single.completed || single.ms > singleLimitMs) {
        figures.skipped = single.completed
          ? `one sequential request took ${single.ms} ms for ${figures.bodyBytes} bytes`
          : `one sequential request did not complete in ${PROBE_TIMEOUT_MS / 1000} s`;
        log(`  ${name}: not load-tested: ${figures.skipped}`);
        continue;
      }
      server.child.send({ bodies: { [`/${name}`]: body } });
      await nextMessage(server.child, 'ready');
      if (warmup > 0) {
        await hammer(apiUrl, { duration: warmup, connections, query, varying: true });
        await settle(server.base);
      }
      if (full) figures.ceiling = await hammer(`${server.bare}/${name}`, { duration, connections });
      figures.uncached = await hammer(apiUrl, { duration, connections, query, varying: true });
      await settle(server.base);
      if (full) figures.cached = await hammer(apiUrl, { duration, connections, query });
      const f = (r?: Run) => (r ? `${r.rps.toFixed(0)} req/s p99 ${r.p99} ms (${r.requests} done${r.errors ? `, ${r.errors} errors` : ''})` : '-');
      log(`  ${name}: single ${single.ms} ms; ceiling ${f(figures.ceiling)}; uncached ${f(figures.uncached)}; cached ${f(figures.cached)}`);
    } finally {
      await server.stop();
    }
  }
  return out;
}
