// Child process of the API benchmark: the GraphQL API on a loaded embedded store, plus a bare `http`
// server answering fixed bodies (the ceiling), so autocannon does not share their event loop.
// Protocol (IPC): -> {ports}; <- {bodies: {path: body}} -> {ready}; <- {stop}. With KG_WORKERS > 1
// the API runs in that many cluster workers (as `kg serve --workers`) and this process keeps the bare server.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createServer as createApi } from '../../src/api/server.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
if (!values['data-dir'] || !process.send) {
  console.error('usage: forked by scripts/bench-lib/api.ts with --data-dir DIR');
  process.exit(2);
}

// As `kg serve` does: the configured read model (in-memory by default) and number of workers
// (KG_WORKERS, processes sharing the API port), each ready before the first request.
const config = loadConfig({ dataDir: values['data-dir'], store: 'embedded' });

async function startApi() {
  const store = await openStore(config, { readOnly: true, readModel: config.readModel });
  const api = createApi({ store, config: { corsOrigins: ['*'], production: true } });
  const { port } = await api.listen(0, '127.0.0.1');
  return { port, close: async () => (await api.close(), await store.close()) };
}

if (cluster.isWorker) {
  const api = await startApi();
  process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
} else {
  let port: number;
  let closeApi: () => Promise<unknown>;
  if (config.workers > 1) {
    for (let i = 0; i < config.workers; i++) cluster.fork();
    port = await new Promise<number>((resolve) => {
      let listening = 0;
      cluster.on('listening', (_w, address) => ++listening === config.workers && resolve(address.port));
    });
    closeApi = () => Promise.all(Object.values(cluster.workers ?? {}).map((w) => new Promise((r) => (w!.once('exit', r), w!.kill('SIGTERM')))));
  } else {
    const api = await startApi();
    port = api.port;
    closeApi = api.close;
  }

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
      await closeApi();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ports: { api: port, bare: (bare.address() as { port: number }).port } });
}
