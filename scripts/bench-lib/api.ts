// The API benchmark as a function: autocannon against three queries on a loaded store, uncached and
// cached, next to a bare `http` server answering a fixed body of the same size (the ceiling), in one
// run. "Uncached" requests carry a different unused variable each time: the response caches key on
// the request body and variables, so every request runs the resolvers and the store queries (parsing
// and validation stay cached, as for any repeated query shape).
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
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
}

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
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok || text.includes('"errors"')) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

export async function runApiBench(opts: ApiOptions): Promise<ScenarioFigures[]> {
  const { duration, connections } = opts;
  const full = opts.full ?? true;
  const warmup = opts.warmup ?? 1;
  const log = opts.log ?? (() => {});
  const child = fork(join(ROOT, 'scripts/bench-lib/api-server.ts'), ['--data-dir', opts.dataDir], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ports = await nextMessage<{ api: number; bare: number }>(child, 'ports');
    const apiUrl = `http://127.0.0.1:${ports.api}/graphql`;
    const scenarios = opts.scenarios ?? ALL_SCENARIOS;
    const bodies: Record<string, string> = {};
    for (const name of scenarios) {
      const { query } = SCENARIOS[name];
      try {
        bodies[`/${name}`] = await post(apiUrl, { query });
        await post(apiUrl, { query, variables: { nonce: -1 } }); // the uncached form must be accepted too
      } catch (e) {
        throw new Error(`${name} query failed on ${opts.dataDir}: ${(e as Error).message}`);
      }
    }
    child.send({ bodies });
    await nextMessage(child, 'ready');

    const out: ScenarioFigures[] = [];
    for (const name of scenarios) {
      const { label, query } = SCENARIOS[name];
      const figures: ScenarioFigures = { scenario: name, label, bodyBytes: Buffer.byteLength(bodies[`/${name}`]!) };
      if (warmup > 0) await hammer(apiUrl, { duration: warmup, connections, query, varying: true });
      if (full) figures.ceiling = await hammer(`http://127.0.0.1:${ports.bare}/${name}`, { duration, connections });
      figures.uncached = await hammer(apiUrl, { duration, connections, query, varying: true });
      if (full) figures.cached = await hammer(apiUrl, { duration, connections, query });
      const f = (r?: Run) => (r ? `${r.rps.toFixed(0)} req/s p99 ${r.p99} ms${r.errors ? ` (${r.errors} errors)` : ''}` : '-');
      log(`  ${name}: ceiling ${f(figures.ceiling)}; uncached ${f(figures.uncached)}; cached ${f(figures.cached)}`);
      out.push(figures);
    }
    return out;
  } finally {
    if (child.connected) child.send({ stop: true });
    await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  }
}
