// API throughput on the seed graph: autocannon against three queries, uncached and cached, next to a
// bare `http` server answering a fixed body of the same size (the ceiling), all in one run.
//
//   npx tsx scripts/bench-api.ts [--data-dir DIR] [--duration SECONDS] [--connections N]
//
// Without --data-dir the seed corpus (data/) is loaded into a temporary store first. The servers run
// in a child process so autocannon does not share their event loop. "Uncached" requests carry a
// different unused variable each time: the response cache keys on variables, so every request runs
// the resolvers (parsing and validation stay cached, as for any repeated query shape).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
  requests?: { setupRequest: (req: { body?: string }) => { body?: string } }[];
}) => Promise<{ requests: { average: number }; latency: { p99: number }; errors: number; non2xx: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SCENARIOS = {
  papers: {
    label: 'papers(first: 20) + methods + benchmarks',
    query: '{ papers(first: 20) { nodes { id title methods { id name benchmarks { id name } } } } }',
  },
  lineage: {
    label: 'lineage(depth: 3)',
    query:
      '{ lineage(id: "method:flashattention", depth: 3) { nodes { id name type } edges { source target type evidence paper { id title } } } }',
  },
  search: {
    label: 'search("sparse attention")',
    query:
      '{ search(query: "sparse attention", first: 20) { score snippet node { id ... on Paper { title } ... on Method { name } } } }',
  },
} as const;
type Scenario = keyof typeof SCENARIOS;

const TARGET_CACHED_SHARE = 0.4;
const TARGET_UNCACHED_P99_MS = 50;

interface Ports {
  api: number;
  bare: number;
}

/** Child: the API on the store plus the bare server; answers with ports, then with bodies to serve. */
async function serve(dataDirArg: string | undefined): Promise<void> {
  const { loadConfig } = await import('../src/config/index.ts');
  const { openStore } = await import('../src/store/index.ts');
  const { createServer: createApi } = await import('../src/api/server.ts');
  let dataDir = dataDirArg;
  let temp: string | undefined;
  if (!dataDir) {
    const { loadPaths } = await import('../loaders/pipeline.ts');
    dataDir = temp = mkdtempSync(join(tmpdir(), 'kg-bench-'));
    const store = await openStore(loadConfig({ dataDir, store: 'embedded' }, {}));
    await store.migrate();
    await loadPaths(store, [fileURLToPath(new URL('../data/', import.meta.url))], { asOf: '2025-12-31' });
    await store.close();
  }
  const store = await openStore(loadConfig({ dataDir, store: 'embedded' }, {}), { readOnly: true });
  const api = createApi({ store, config: { corsOrigins: ['*'], production: true } });
  const { port } = await api.listen(0, '127.0.0.1');

  const bodies = new Map<string, Buffer>();
  const bare = createServer((req, res) => {
    const body = bodies.get(req.url ?? '') ?? Buffer.from('{}');
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));

  process.on('message', async (msg: { bodies?: Record<string, string>; stop?: true }) => {
    if (msg.bodies) {
      for (const [path, body] of Object.entries(msg.bodies)) bodies.set(path, Buffer.from(body));
      process.send!({ ready: true });
    }
    if (msg.stop) {
      bare.close();
      await api.close();
      await store.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({ ports: { api: port, bare: (bare.address() as { port: number }).port } });
}

function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: Record<string, unknown>) => {
      if (key in msg) {
        child.off('message', onMessage);
        resolve(msg[key] as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
}

interface Figures {
  rps: number;
  p99: number;
  errors: number;
}

async function hammer(url: string, opts: { duration: number; connections: number; query?: string; varying?: boolean }): Promise<Figures> {
  let nonce = 0;
  const body = (n?: number) => JSON.stringify({ query: opts.query, ...(n === undefined ? {} : { variables: { nonce: n } }) });
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    method: opts.query ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: opts.query ? body() : undefined,
    requests: opts.varying ? [{ setupRequest: (req) => ({ ...req, body: body(nonce++) }) }] : undefined,
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '20' },
      serve: { type: 'boolean', default: false },
    },
  });
  if (values.serve) return serve(values['data-dir']);

  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', ...(values['data-dir'] ? ['--data-dir', values['data-dir']] : [])], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    const ports = await nextMessage<Ports>(child, 'ports');
    const apiUrl = `http://127.0.0.1:${ports.api}/graphql`;
    const bodies: Record<string, string> = {};
    for (const [name, s] of Object.entries(SCENARIOS)) {
      const res = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: s.query }) });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"')) throw new Error(`${name} query failed: ${text.slice(0, 300)}`);
      bodies[`/${name}`] = text;
    }
    child.send({ bodies });
    await nextMessage(child, 'ready');

    const rows: string[] = [];
    let ok = true;
    for (const [name, s] of Object.entries(SCENARIOS) as [Scenario, (typeof SCENARIOS)[Scenario]][]) {
      const ceiling = await hammer(`http://127.0.0.1:${ports.bare}/${name}`, { duration, connections });
      const uncached = await hammer(apiUrl, { duration, connections, query: s.query, varying: true });
      const cached = await hammer(apiUrl, { duration, connections, query: s.query });
      const share = cached.rps / ceiling.rps;
      const pass = share >= TARGET_CACHED_SHARE && uncached.p99 <= TARGET_UNCACHED_P99_MS && !uncached.errors && !cached.errors;
      ok &&= pass;
      const bytes = Buffer.byteLength(bodies[`/${name}`]!);
      rows.push(
        `| ${s.label} | ${bytes} | ${ceiling.rps.toFixed(0)} / ${ceiling.p99} | ${uncached.rps.toFixed(0)} / ${uncached.p99} | ${cached.rps.toFixed(0)} / ${cached.p99} | ${(share * 100).toFixed(0)}% | ${pass ? 'yes' : 'NO'} |`,
      );
    }
    console.log(`\n${connections} connections, ${duration} s per run; req/s / p99 ms.\n`);
    console.log('| query | body bytes | bare http (ceiling) | uncached | cached | cached / ceiling | meets targets |');
    console.log('|---|---:|---:|---:|---:|---:|:---:|');
    for (const row of rows) console.log(row);
    console.log(`\nTargets: cached >= ${TARGET_CACHED_SHARE * 100}% of the ceiling; uncached p99 <= ${TARGET_UNCACHED_P99_MS} ms.`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.send({ stop: true });
  }
}

await main();
